import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-run-node-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const runNodeTs = path.join(import.meta.dirname, '../../assets-pipeline/run-node.ts');

/** Alive, and not a zombie waiting for a reaper (this container's first process may never reap it). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('runNodeIn', () => {
  it('a child ends with its parent, even a SIGKILLed one (a killed worker leaves no Astro behind)', async () => {
    const pidFile = path.join(dir, 'child.pid');
    // The parent (a worker, say) runs a child that would run for ten minutes, and is killed while it runs.
    const parentCode = `
      import { runNodeIn } from ${JSON.stringify(runNodeTs)};
      await runNodeIn(['-e', "require('fs').writeFileSync(process.argv[1], String(process.pid)); setTimeout(() => {}, 600000)", ${JSON.stringify(pidFile)}],
        { cwd: ${JSON.stringify(dir)}, env: process.env });`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', parentCode], { stdio: 'ignore' });
    const parentExited = new Promise<void>((resolve) => parent.on('exit', () => resolve()));
    expect(await waitFor(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') !== '', 30_000), 'the child started').toBe(true);
    const child = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(alive(child)).toBe(true);
    parent.kill('SIGKILL');
    await parentExited;
    try {
      expect(await waitFor(() => !alive(child), 5000), `child ${child} ended after its parent was killed`).toBe(true);
    } finally {
      if (alive(child)) process.kill(child, 'SIGKILL');
    }
  });

  it('a child that ends by itself is not cut short by the watch, and its exit code comes back', async () => {
    const { runNodeIn } = await import('../../assets-pipeline/run-node.ts');
    const r = await runNodeIn(['-e', "setTimeout(() => { process.stderr.write('done'); process.exit(3) }, 200)"], { cwd: dir, env: process.env });
    expect(r).toEqual({ code: 3, stderr: 'done' });
  });
});
