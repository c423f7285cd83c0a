// Who is signed in on this phone: the job seeker's own profile (/labor/me), or null. The router
// asks for it before every page but the login; a 401 anywhere clears it (main.ts).
import { ref } from 'vue'
import { api, restoreCsrfToken, type Me } from './api'

export const me = ref<Me | null>(null)

/**
 * Loads the profile; false when there is no job seeker's session, or none this tab can write
 * with (the CSRF token is kept per tab: a new tab logs in again).
 */
export async function loadMe(): Promise<boolean> {
  if (!restoreCsrfToken()) return false
  try {
    me.value = await api.me()
    return true
  } catch {
    me.value = null
    return false
  }
}
