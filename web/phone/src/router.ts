// The phone page's routes under /m/ (history mode: the server falls /m/* back to this page).
// Every page but the login needs a job seeker's session.
import { createRouter, createWebHistory } from 'vue-router'
import { loadMe, me } from './session'
import LoginPage from './views/LoginPage.vue'
import JobsPage from './views/JobsPage.vue'
import JobPage from './views/JobPage.vue'
import ApplicationsPage from './views/ApplicationsPage.vue'

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', redirect: '/jobs' },
    { path: '/login', name: 'login', component: LoginPage },
    { path: '/jobs', name: 'jobs', component: JobsPage },
    { path: '/jobs/:id(\\d+)', name: 'job', component: JobPage, props: (r) => ({ id: Number(r.params.id) }) },
    { path: '/applications', name: 'applications', component: ApplicationsPage },
    { path: '/:rest(.*)*', redirect: '/jobs' },
  ],
})

router.beforeEach(async (to) => {
  if (to.name === 'login') return true
  if (me.value || (await loadMe())) return true
  return { name: 'login' }
})
