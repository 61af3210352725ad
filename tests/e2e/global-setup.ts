import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startSiteServer, type RunningServer } from '../../scripts/site-server.ts';
import { E2E_BUILD, E2E_DIST, SCREENSHOTS, e2eEnv } from './env.ts';

let server: RunningServer | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
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
  server = await startSiteServer(0, '127.0.0.1', E2E_DIST, `${E2E_BUILD}/media`);
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
