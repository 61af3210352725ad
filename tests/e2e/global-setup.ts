import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startSiteServer, type RunningServer } from '../../scripts/site-server.ts';
import { E2E_BUILD, E2E_DIST, SCREENSHOTS, e2eEnv } from './env.ts';

// Each browser test project (vitest.e2e.config.ts) runs this setup: the demo is built once and one server serves
// them all, closed when the last project is done.
let server: Promise<RunningServer> | undefined;
let projects = 0;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  projects++;
  server ??= start();
  project.provide('baseUrl', (await server).url);
}

async function start(): Promise<RunningServer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // E2E_REUSE=1 skips the rebuild while iterating on tests; E2E_PREBUILT=1 says `npm test` has just built it.
  if (process.env.E2E_PREBUILT && !fs.existsSync(E2E_DIST)) throw new Error(`E2E_PREBUILT is set but ${E2E_DIST} is missing`);
  if (!(process.env.E2E_REUSE || process.env.E2E_PREBUILT) || !fs.existsSync(E2E_DIST)) {
    const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, ...e2eEnv },
    });
    if (r.status !== 0) throw new Error(`the demo build failed (exit ${r.status})`);
  }
  return startSiteServer(0, '127.0.0.1', E2E_DIST, `${E2E_BUILD}/media`);
}

export async function teardown(): Promise<void> {
  if (--projects === 0) await (await server)?.close();
}
