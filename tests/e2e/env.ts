// Where the e2e build lives; shared by the global setup and the tests.
import path from 'node:path';

export const E2E_ROOT = path.resolve('test-output/e2e');
export const E2E_BUILD = path.join(E2E_ROOT, 'build');
export const E2E_DIST = path.join(E2E_ROOT, 'dist');
export const SCREENSHOTS = path.resolve('test-output/screenshots');

export const e2eEnv = { HERITAGE_BUILD_DIR: E2E_BUILD, HERITAGE_DIST_DIR: E2E_DIST };
