// A console action run with its busy flag on (a spinner or a disabled button) and its failure shown
// as the server's message, in the user's language: the try/catch/finally pages would repeat.
import type { Ref } from 'vue'
import { errorText } from '@/api/http'

/** Runs action with flag set; on failure shows the error and resolves false. */
export async function whileBusy(flag: Ref<boolean>, locale: string, action: () => Promise<void>): Promise<boolean> {
  flag.value = true
  try {
    await action()
    return true
  } catch (e) {
    ElMessage.error(errorText(e, locale))
    return false
  } finally {
    flag.value = false
  }
}
