// The interview time slots a scheduler picks from: "09:00-09:30", as the applications ledger
// stores them (src/domain/labor/time_slot.h: 24-hour, the end after the start).

const pad = (n: number) => String(n).padStart(2, '0')
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

/** Back-to-back slots of `length` minutes from `first` until `last` ("08:00", "20:00"): the last ends at or before it. */
export function timeSlots(first = '08:00', last = '20:00', length = 30): string[] {
  const slots: string[] = []
  for (let start = minutesOf(first); start + length <= minutesOf(last); start += length)
    slots.push(`${clock(start)}-${clock(start + length)}`)
  return slots
}
