// `npm test`: lint, type check, unit tests, then browser tests over a freshly built demo. Prints one closing line
// "N passed, N failed" summing both suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const node = process.execPath;
const vitest = 'node_modules/vitest/vitest.mjs';
fs.mkdirSync('test-output', { recursive: true });

function run(label: string, args: string[]): number {
  console.log(`\n━━ ${label} ━━`);
  return spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } }).status ?? 1;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
function counts(file: string): VitestJson {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as VitestJson;
  } catch {
    return { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 };
  }
}

const lint =
  run('lint and format (biome)', ['node_modules/@biomejs/biome/bin/biome', 'ci', '--colors=off', '.']) +
  run('unused files, exports and dependencies (knip)', ['node_modules/knip/bin/knip.js', '--no-progress']);
const typecheck = run('type check (tsc --noEmit)', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
const unit = run('unit tests', [vitest, 'run', '--reporter=default', '--reporter=json', '--outputFile=test-output/unit.json']);
const e2e = run('browser tests (Chromium)', [
  vitest,
  'run',
  '--config',
  'vitest.e2e.config.ts',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-output/e2e.json',
]);

const u = counts('test-output/unit.json');
const e = counts('test-output/e2e.json');
// A suite that exits non-zero with no failed test (a global setup that could not build the demo, a crash) counts
// as one failure, so the closing line never says "0 failed" for a run that failed.
const suiteFailure = (code: number, c: VitestJson) => (code !== 0 && c.numFailedTests === 0 ? 1 : 0);
const failed = u.numFailedTests + e.numFailedTests + suiteFailure(unit, u) + suiteFailure(e2e, e) + (typecheck ? 1 : 0) + (lint ? 1 : 0);
const passed = u.numPassedTests + e.numPassedTests + (typecheck ? 0 : 1) + (lint ? 0 : 1);
console.log(
  `\ntype check ${typecheck ? 'failed' : 'passed'}; unit ${u.numPassedTests}/${u.numPassedTests + u.numFailedTests}; ` +
    `browser ${e.numPassedTests}/${e.numPassedTests + e.numFailedTests}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(lint || typecheck || unit || e2e ? 1 : 0);
