// Who is logged in and what they may do. The server decides; this only mirrors /auth/me
// so menus and buttons can be hidden.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import type { CurrentUser } from '@/api/auth/types'
import { setCsrfToken } from '@/api/http'

export const useAuthStore = defineStore('auth', () => {
  const user = ref<CurrentUser | null>(null)
  const permissions = computed(() => new Set(user.value?.permissions ?? []))

  function adopt(u: CurrentUser | null) {
    user.value = u
    setCsrfToken(u?.csrf_token ?? '')
  }

  async function login(name: string, password: string, totp = '') {
    adopt(await authApi.login(name, password, totp))
  }

  /** Restores the session from the cookie; false when there is none. */
  async function restore(): Promise<boolean> {
    try {
      adopt(await authApi.me())
      return true
    } catch {
      adopt(null)
      return false
    }
  }

  async function logout() {
    try {
      await authApi.logout()
    } finally {
      adopt(null)
    }
  }

  /** True when the user holds every permission given (none given: logged in). */
  function can(...perms: string[]): boolean {
    return !!user.value && perms.every((p) => permissions.value.has(p))
  }

  /** The page the session must see before any other ('' when none): a forced password change, then TOTP enrolment. */
  const setupPage = computed(() =>
    user.value?.must_change_password ? 'password' : user.value?.must_enrol_totp ? 'totp' : '')

  return { user, permissions, login, restore, logout, adopt, can, setupPage }
})
