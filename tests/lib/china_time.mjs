// China Standard Time (UTC+8, no daylight saving) for tests that must schedule around the server's
// clock — the interview room opens only near its slot (src/domain/labor/interview_window.h). The
// server runs on this machine, so Date.now() is its clock too.

const CHINA_OFFSET_MS = 8 * 3600_000;
const pad = (n) => String(n).padStart(2, '0');

// { date: "2026-12-04", time: "09:05" } of the instant ms in China.
export function chinaDateTime(ms = Date.now()) {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

// The Unix seconds of date at time ("HH:MM") in China.
export function chinaSeconds(date, time) {
  return Date.parse(`${date}T${time}:00+08:00`) / 1000;
}

// A 30-minute slot starting this minute in China (cut at 23:59; "00:00-00:30" of the next day at
// 23:59 itself), so a room scheduled at it is open from now for at least an hour: { date, slot }.
export function slotStartingNow(ms = Date.now()) {
  const now = chinaDateTime(ms);
  if (now.time === '23:59') return { date: chinaDateTime(ms + 60_000).date, slot: '00:00-00:30' };
  const [h, m] = now.time.split(':').map(Number);
  const end = Math.min(h * 60 + m + 30, 23 * 60 + 59);
  return { date: now.date, slot: `${now.time}-${pad(Math.floor(end / 60))}:${pad(end % 60)}` };
}

// The date days after ms's date in China.
export function chinaDateAfter(days, ms = Date.now()) {
  return chinaDateTime(ms + days * 86_400_000).date;
}
