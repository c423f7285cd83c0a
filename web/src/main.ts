import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { setUnauthorizedHandler } from './api/http'
import { permission } from './directives/permission'
import { i18n } from './i18n'
import { router } from './router'
import { useAuthStore } from './stores/auth'
import { useMetaStore } from './stores/meta'
import { usePairsStore } from './stores/pairs'
import './styles/index.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)
app.directive('permission', permission)

// Any 401 from the API means the session is gone: back to the login page, saying why.
setUnauthorizedHandler(() => {
  const current = router.currentRoute.value
  if (current.name === 'login') return
  useAuthStore().adopt(null)
  useMetaStore().reset()
  usePairsStore().reset()
  void router.push({ name: 'login', query: { expired: '1', redirect: current.fullPath } })
})

app.mount('#app')
