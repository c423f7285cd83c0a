// Asking before a deletion, with one title and one pair of buttons on every page.

/** Shows message with the deletion's title and buttons; resolves whether the user agreed. */
export async function confirmDelete(message: string, t: (key: string) => string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, t('common.deleteTitle'), {
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
    })
    return true
  } catch {
    return false
  }
}
