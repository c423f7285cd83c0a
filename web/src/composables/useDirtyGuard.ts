// Closing a form with unsaved changes asks first. mark() takes the form's values as the clean
// state (call it once the form is filled); leave() resolves true when the form is unchanged or
// the clerk agrees to drop the changes.
import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'

export function useDirtyGuard(model: Ref<unknown>) {
  const { t } = useI18n()
  let clean = ''
  const snapshot = () => JSON.stringify(model.value ?? null)

  function mark() {
    clean = snapshot()
  }
  function dirty() {
    return snapshot() !== clean
  }
  async function leave(): Promise<boolean> {
    if (!dirty()) return true
    try {
      await ElMessageBox.confirm(t('list.discardMessage'), t('list.discard'), {
        type: 'warning',
        confirmButtonText: t('list.discard'),
        cancelButtonText: t('list.keepEditing'),
      })
      return true
    } catch {
      return false
    }
  }
  return { mark, dirty, leave }
}
