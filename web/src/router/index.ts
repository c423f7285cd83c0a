// The console's router: the routes of routes.ts in the browser's history, each navigation through
// the access guard (guard.ts).
import { createRouter, createWebHistory } from 'vue-router'
import { accessGuard } from './guard'
import { routes } from './routes'

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(accessGuard)
