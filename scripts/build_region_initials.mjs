#!/usr/bin/env node
// Builds the reading table behind the server's region search by pinyin initials (src/regions/
// region_initials.h): for every Han character in the region names of the generated region table,
// the letters its readings begin with — every reading, so that a polyphonic character is found
// under each (长: c and z, 长顺县 by "csx" and "zsx"; 厦: s and x). A name's contextual reading
// is added too, so the server finds at least what the console's own initials (pinyin-pro in the
// browser, web/src/utils/regions.ts) find. Uses the console's pinned pinyin-pro (MIT), so both
// read characters alike.
//
// Usage: node scripts/build_region_initials.mjs --regions regions.tsv --pinyin DIR --output FILE
//   DIR: the pinyin-pro package (web/node_modules/pinyin-pro, installed by `npm ci --prefix web`).
// Output: `# source: …` then one `character<TAB>letters` line per character, in code point order
// ("长\tcz").

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

function fail(message) {
  process.stderr.write(`build_region_initials: ${message}\n`);
  process.exit(1);
}

const args = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const key = argv[i].replace(/^--/, '');
  if (!['regions', 'pinyin', 'output'].includes(key) || i + 1 >= argv.length) fail(`bad argument ${argv[i]}`);
  args[key] = argv[i + 1];
}
for (const key of ['regions', 'pinyin', 'output']) if (!args[key]) fail(`missing --${key}`);
if (!fs.existsSync(path.join(args.pinyin, 'package.json'))) fail(`${args.pinyin} is missing: run npm ci --prefix web`);

const { pinyin } = createRequire(import.meta.url)(path.resolve(args.pinyin));
const version = JSON.parse(fs.readFileSync(path.join(args.pinyin, 'package.json'), 'utf8')).version;
const firstLetters = (text, multiple) =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', multiple }).map((s) => s.toLowerCase());

const letters = new Map(); // character → Set of letters
const isHan = (c) => /\p{Script=Han}/u.test(c);
const note = (c, initial) => {
  if (!/^[a-z]$/.test(initial)) return;
  if (!letters.has(c)) letters.set(c, new Set());
  letters.get(c).add(initial);
};

for (const line of fs.readFileSync(args.regions, 'utf8').split('\n')) {
  if (line === '' || line.startsWith('#')) continue;
  const name = line.split('\t')[1];
  const chars = [...name];
  const contextual = firstLetters(name, false);
  if (contextual.length !== chars.length) fail(`pinyin-pro split ${JSON.stringify(name)} into ${contextual.length} parts`);
  chars.forEach((c, i) => isHan(c) && note(c, contextual[i]));
}
for (const c of letters.keys()) for (const l of firstLetters(c, true)) note(c, l);

const out = [`# source: npm pinyin-pro@${version} (MIT), every reading of each character of the region names`];
for (const c of [...letters.keys()].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)))
  out.push(`${c}\t${[...letters.get(c)].sort().join('')}`);
fs.writeFileSync(args.output, out.join('\n') + '\n');
