// For tests that read the server's C++ sources (which audit actions and detail keys it writes):
// the .cc files under a folder of src/, tests left out. vitest runs in web/: src/ is beside it.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const cppSrcDir = join(process.cwd(), '..', 'src')

/** Every non-test .cc file under dir, recursively. */
export function cppSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return cppSources(path)
    return name.endsWith('.cc') && !name.endsWith('_test.cc') ? [path] : []
  })
}
