// Packs the built console (web/dist) into one file for console_data.S to embed.
// Format, repeated per file (little-endian u32s): path length, body length, gzip length,
// then the path ("/assets/x.js"), the bytes, and the gzip -9 bytes ("" when gzip does not
// make the file smaller). A missing dist directory gives an empty pack.
// Usage: node pack_console.mjs --dist web/dist --output console.pack
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { gzipSync, constants } from 'node:zlib'

function arg(name) {
  const i = process.argv.indexOf(name)
  if (i < 0 || i + 1 >= process.argv.length) throw new Error(`missing ${name}`)
  return process.argv[i + 1]
}

function walk(dir) {
  const out = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (name.startsWith('.')) continue // .vite/manifest.json is build metadata, not served
    if (statSync(path).isDirectory()) out.push(...walk(path))
    else out.push(path)
  }
  return out
}

const dist = arg('--dist')
const output = arg('--output')
const chunks = []
let count = 0
if (existsSync(dist)) {
  for (const file of walk(dist)) {
    const urlPath = Buffer.from('/' + relative(dist, file).split(sep).join('/'))
    const body = readFileSync(file)
    let gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION })
    if (gz.length >= body.length) gz = Buffer.alloc(0)
    const header = Buffer.alloc(12)
    header.writeUInt32LE(urlPath.length, 0)
    header.writeUInt32LE(body.length, 4)
    header.writeUInt32LE(gz.length, 8)
    chunks.push(header, urlPath, body, gz)
    count++
  }
}
writeFileSync(output, Buffer.concat(chunks))
console.log(`console pack: ${count} files from ${dist}`)
