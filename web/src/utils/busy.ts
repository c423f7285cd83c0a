// A console action run with its busy flag on (a spinner or a disabled button) and its failure shown
// as the server's message, in the user's language — a load, or a dialog form's save with the
// server's messages under its fields: the try/catch/finally pages would repeat.
import type { Ref } from 'vue'
import { ApiError, errorText } from '@/api/http'
import { isZh } from '@/i18n'
import { fieldMessages } from '@/utils/form'

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

/** A dialog form's save state: its busy flag, the server's message per field and for the whole form. */
export interface FormSaving {
  busy: Ref<boolean>
  errors: Ref<Record<string, string>>
  generalError: Ref<string>
}

/**
 * Runs save with the form busy and its messages cleared. A refusal by the server (ApiError) fills
 * the field messages and the form's message and resolves false; any other error propagates.
 */
export async function saveForm(state: FormSaving, locale: string, save: () => Promise<void>): Promise<boolean> {
  state.busy.value = true
  state.errors.value = {}
  state.generalError.value = ''
  try {
    await save()
    return true
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    state.errors.value = fieldMessages(e.details, isZh())
    state.generalError.value = e.localized(locale)
    return false
  } finally {
    state.busy.value = false
  }
}
