// Who is signed in on this phone: the job seeker's own profile (/labor/me), or null. The router
// asks for it before every page but the login; a 401 anywhere clears it (main.ts).
import { ref } from 'vue'
import { api, type Me } from './api'

export const me = ref<Me | null>(null)

/**
 * Loads the profile, and with it the session's CSRF token (so a second tab or a reload writes as
 * the first did); false when there is no job seeker's session.
 */
export async function loadMe(): Promise<boolean> {
  try {
    me.value = await api.me()
    return true
  } catch {
    me.value = null
    return false
  }
}
