/// <reference types="vite/client" />
import 'vue-router'

/** The kind of account a console page is for: an employer's HR ('employers', the ledger of the
 *  record owning the account), or staff ('': no owner organisation). */
export type PageOwner = '' | 'employers'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: string
    /** only for accounts of this kind (router/routes.ts); absent: for any account */
    owner?: PageOwner
  }
}

declare module 'vue' {
  interface ComponentCustomProperties {
    vPermission: import('vue').Directive<HTMLElement, string | string[]>
  }
}

export {}
