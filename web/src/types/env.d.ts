/// <reference types="vite/client" />
import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: string
  }
}

declare module 'vue' {
  interface ComponentCustomProperties {
    vPermission: import('vue').Directive<HTMLElement, string | string[]>
  }
}

export {}
