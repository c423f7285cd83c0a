// A page's data with its loading and error states (LoadState.vue shows them).
import { ref, type Ref } from 'vue'
import { failureText } from './format'

export function useLoad<T>(fetcher: () => Promise<T>) {
  const data = ref<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const error = ref('')
  async function load() {
    loading.value = true
    error.value = ''
    try {
      data.value = await fetcher()
    } catch (e) {
      error.value = failureText(e)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, load }
}
