// Whether the window is phone-wide (at most 768 px, the console's one breakpoint, as in
// styles/index.css), kept current as it resizes or turns.
import { onBeforeUnmount, ref } from 'vue'

export const kNarrowQuery = '(max-width: 768px)'

export function useNarrow() {
  const query = window.matchMedia(kNarrowQuery)
  const narrow = ref(query.matches)
  const update = () => (narrow.value = query.matches)
  query.addEventListener('change', update)
  onBeforeUnmount(() => query.removeEventListener('change', update))
  return narrow
}
