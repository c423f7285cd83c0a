// Every CTest test has a TIMEOUT, so a hang fails that test instead of blocking the whole run:
// GoogleTest cases (cmake/shanhai_module.cmake), the node suites (tests/CMakeLists.txt), the
// console tests and the fuzz corpus replays. Reads the test list CTest itself would run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const buildDir = process.env.SHANHAI_BUILD_DIR;

test('every CTest test declares a TIMEOUT', () => {
  assert.ok(buildDir, 'SHANHAI_BUILD_DIR must name the build directory (CTest sets it)');
  const r = spawnSync('ctest', ['--test-dir', buildDir, '--show-only=json-v1'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.status, 0, `ctest --show-only failed: ${r.stderr}`);
  const tests = JSON.parse(r.stdout).tests;
  assert.ok(tests.length > 100, `only ${tests.length} tests listed: were the GoogleTest cases discovered?`);
  const without = tests
    .filter((t) => !(t.properties || []).some((p) => p.name === 'TIMEOUT' && Number(p.value) > 0))
    .map((t) => t.name);
  assert.deepEqual(without, [], `tests without a TIMEOUT: ${without.join(', ')}`);
});
