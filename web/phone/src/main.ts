// The job seeker's phone page: one small Vue app, no UI library (see web/phone/README.md).
import { createApp } from 'vue'
import { setUnauthorizedHandler } from '@/api/http'
import App from './App.vue'
import { router } from './router'
import { me } from './session'
import './styles.css'

// An expired session anywhere sends the seeker back to the login page.
setUnauthorizedHandler(() => {
  me.value = null
  void router.push({ name: 'login' })
})

createApp(App).use(router).mount('#app')
