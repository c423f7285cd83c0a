// Shared bits of the CLI tests: the demo pair and period, its expected figures, and checks
// on messages and files.
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../lib/shanhai.mjs';

export const DEMO_PAIR = '440111-522727';
export const DEMO_PERIOD = ['--from', '2016-01-01', '--to', '2020-07-22'];

// The 26 figures the demo data must reproduce (tests/fixtures/demo_figures.json).
export function demoFigures() {
  const file = path.join(REPO_ROOT, 'tests', 'fixtures', 'demo_figures.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).indicators;
}

export const hasChinese = (text) => /\p{Script=Han}/u.test(text);
export const hasEnglish = (text) => /[A-Za-z]{3,}/.test(text);
export const isZip = (bytes) => bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'));
