// Deep partial matching of an expected JSON value against a response (see cases/README.md):
//   "*"          any value, as long as the key is present (null included)
//   "~REGEX"     a string or number whose text matches REGEX
//   {...}        every expected key must be present and match; other keys are ignored
//   [...]        every expected element must match a different element, in any order;
//                ["$ordered", a, b] instead needs exactly [a, b] in this order; [] needs []
//   other        strict equality (1 does not match "1")
// Returns the list of mismatches ("$.items[0].id: expected 3, got 4"); empty = match.

export function mismatches(expected, actual, where = '$') {
  if (expected === '*') return actual === undefined ? [`${where}: missing`] : [];
  if (typeof expected === 'string' && expected.startsWith('~')) {
    if (typeof actual !== 'string' && typeof actual !== 'number') return [`${where}: expected text matching /${expected.slice(1)}/, got ${show(actual)}`];
    return new RegExp(expected.slice(1), 'u').test(String(actual)) ? [] : [`${where}: ${show(actual)} does not match /${expected.slice(1)}/`];
  }
  if (Array.isArray(expected)) return arrayMismatches(expected, actual, where);
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${where}: expected an object, got ${show(actual)}`];
    const out = [];
    for (const [key, value] of Object.entries(expected)) {
      const path = `${where}.${key}`;
      if (!(key in actual)) out.push(`${path}: missing (expected ${show(value)})`);
      else out.push(...mismatches(value, actual[key], path));
    }
    return out;
  }
  return expected === actual ? [] : [`${where}: expected ${show(expected)}, got ${show(actual)}`];
}

function arrayMismatches(expected, actual, where) {
  if (!Array.isArray(actual)) return [`${where}: expected an array, got ${show(actual)}`];
  if (expected.length === 0) return actual.length === 0 ? [] : [`${where}: expected [], got ${actual.length} elements`];
  if (expected[0] === '$ordered') {
    const items = expected.slice(1);
    if (items.length !== actual.length) return [`${where}: expected ${items.length} elements, got ${actual.length}: ${show(actual)}`];
    return items.flatMap((e, i) => mismatches(e, actual[i], `${where}[${i}]`));
  }
  const used = new Set();
  const out = [];
  expected.forEach((e, i) => {
    const j = actual.findIndex((a, k) => !used.has(k) && mismatches(e, a, '').length === 0);
    if (j < 0) out.push(`${where}: no element matches expected[${i}] ${show(e)}`);
    else used.add(j);
  });
  return out;
}

function show(v) {
  const text = v === undefined ? 'undefined' : JSON.stringify(v);
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}
