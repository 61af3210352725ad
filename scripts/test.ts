// `npm test`: lint, type check, unit tests, then browser tests over a freshly built demo. Prints one closing line
// "N passed, N failed" summing both suites.
//
// The demo build the browser tests need runs beside lint, type check and unit tests rather than after them: it is
// mostly one busy thread for four minutes, and so is the unit runner, so on CI's two cores the two overlap almost
// for free. Its output goes to a log, printed when it fails.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { e2eEnv } from '../tests/e2e/env.ts';

const node = process.execPath;
const vitest = 'node_modules/vitest/vitest.mjs';
fs.mkdirSync('test-output', { recursive: true });

function run(label: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n━━ ${label} ━━`);
  return spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } }).status ?? 1;
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

// Results of an earlier run must not be counted for this one.
for (const f of ['test-output/unit.json', 'test-output/e2e.json']) fs.rmSync(f, { force: true });

const BUILD_LOG = 'test-output/e2e-build.log';
console.log(`\n━━ demo build for the browser tests: started in the background (log: ${BUILD_LOG}) ━━`);
const buildLog = fs.openSync(BUILD_LOG, 'w');
const startedAt = Date.now();
const build = spawn(node, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', 'build'], {
  stdio: ['ignore', buildLog, buildLog],
  env: { ...process.env, ...e2eEnv, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.on('exit', () => build.exitCode === null && build.kill());
const built = new Promise<number>((resolve) => {
  build.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  build.on('error', () => resolve(1));
});

const lint =
  run('lint and format (biome)', ['node_modules/@biomejs/biome/bin/biome', 'ci', '--colors=off', '.']) +
  run('unused files, exports and dependencies (knip)', ['node_modules/knip/bin/knip.js', '--no-progress']);
const typecheck = run('type check (tsc --noEmit)', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
const unit = run('unit tests', [vitest, 'run', '--reporter=default', '--reporter=json', '--outputFile=test-output/unit.json']);
const buildStatus = await built;
fs.closeSync(buildLog);
const buildSeconds = Math.round((Date.now() - startedAt) / 1000);
if (buildStatus !== 0) {
  const log = fs.readFileSync(BUILD_LOG, 'utf8').split('\n');
  console.log(`\n━━ the demo build failed (exit ${buildStatus}, ${buildSeconds} s); the end of its log: ━━\n${log.slice(-60).join('\n')}`);
} else console.log(`\n━━ demo build finished in ${buildSeconds} s ━━`);
// The browser tests use the build made above, so their global setup must not build again.
const e2e =
  buildStatus !== 0
    ? 1
    : run(
        'browser tests (Chromium)',
        [vitest, 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile=test-output/e2e.json'],
        { E2E_PREBUILT: '1' },
      );

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
