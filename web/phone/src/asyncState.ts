// The two kinds of waiting on the phone page, each with its error in words (format.ts):
// a page's data (useLoad; LoadState.vue shows loading and failure) and a button's write
// (useAction: busy disables the button, error is shown beside it).
import { ref, type Ref } from 'vue'
import { failureText } from './format'

/** Runs `work` with busy set; a failure becomes `error` (cleared at the next run). Resolves true on success. */
export function useAction() {
  const busy = ref(false)
  const error = ref('')
  async function run(work: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    error.value = ''
    try {
      await work()
      return true
    } catch (e) {
      error.value = failureText(e)
      return false
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}

/** A page's data: `load` (again, for 重试) fetches it; `loading` while on the way. */
export function useLoad<T>(fetcher: () => Promise<T>) {
  const data = ref<T | null>(null) as Ref<T | null>
  const { busy: loading, error, run } = useAction()
  const load = () =>
    run(async () => {
      data.value = await fetcher()
    })
  return { data, loading, error, load }
}
