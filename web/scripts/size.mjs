// Prints the gzip -9 size of what the browser downloads on first load: index.html, the entry
// chunk and everything it imports statically, then the login page and the dashboard (a
// logged-in user's landing page) with their static imports. Run after `npm run build`.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const dist = new URL('../dist/', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'))
const gz = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length

function closure(keys, seen = new Set()) {
  for (const key of keys) {
    const chunk = manifest[key]
    if (!chunk || seen.has(chunk.file)) continue
    seen.add(chunk.file)
    for (const css of chunk.css ?? []) seen.add(css)
    closure(chunk.imports ?? [], seen)
  }
  return seen
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)
const route = (name) => Object.keys(manifest).find((k) => k.endsWith(name))
const report = (title, files) => {
  const total = [...files].reduce((sum, f) => sum + gz(f), 0)
  console.log(`${title}: ${(total / 1024).toFixed(1)} KiB gzip in ${files.size} files`)
  return total
}
const base = closure([entry])
base.add('index.html')
report('entry (index.html + main chunk)', base)
report('login page first load', closure([route('views/login/index.vue')], new Set(base)))
const dashboard = closure([route('layout/AppLayout.vue'), route('views/dashboard/index.vue')], new Set(base))
const total = report('logged-in first load (layout + dashboard)', dashboard)
const ledger = closure([route('layout/AppLayout.vue'), route('views/ledger/LedgerPage.vue')], new Set(base))
report('logged-in first load (layout + a ledger page)', ledger)
const all = new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]))
report('everything built', all)
if (total > 1024 * 1024) {
  console.error('first load exceeds 1 MiB gzip')
  process.exit(1)
}
