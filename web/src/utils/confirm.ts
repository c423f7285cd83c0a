// Asking before a deletion, with one title and one pair of buttons on every page. A deletion
// cannot be undone (the API has no restore), so nothing invites it by default: the box opens with
// no button focused (Enter deletes nothing), 取消 is the primary button and 删除 is red.

/** Shows message with the deletion's title and buttons; resolves whether the user agreed. */
export async function confirmDelete(message: string, t: (key: string) => string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, t('common.deleteTitle'), {
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
      confirmButtonType: 'danger',
      cancelButtonType: 'primary',
      autofocus: false,
    })
    return true
  } catch {
    return false
  }
}
