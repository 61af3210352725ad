// The build lock on its own: one holder at a time, a refusal that names the holder, a dead holder's lock taken over.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireBuildLock } from '../../../scripts/cli/build-lock.ts';

const dirs: string[] = [];
const lockIn = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'build-lock-'));
  dirs.push(d);
  return path.join(d, 'build.lock');
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('acquireBuildLock', () => {
  it('refuses a second holder, naming the first (pid, host, command, since), until the first releases', () => {
    const file = lockIn();
    const first = acquireBuildLock('heritage build', file);
    expect(first.ok).toBe(true);
    const second = acquireBuildLock('heritage stage search', file);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.message).toMatch(
      new RegExp(
        `^another build is running: pid ${process.pid} on ${os.hostname()}, running "heritage build" since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z \\(\\d+ s ago\\)`,
      ),
    );
    expect(second.message).toContain(file);
    if (first.ok) first.release();
    expect(fs.existsSync(file)).toBe(false);
    const third = acquireBuildLock('heritage build', file);
    expect(third.ok).toBe(true);
    if (third.ok) third.release();
  });

  it('takes over the lock of a process that is gone, and reports whose it was', () => {
    const file = lockIn();
    const dead = { pid: 2 ** 22 + 17, host: os.hostname(), since: '2026-01-01T00:00:00.000Z', command: 'heritage build' };
    fs.writeFileSync(file, JSON.stringify(dead));
    const r = acquireBuildLock('heritage build', file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.recovered).toEqual(dead);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    r.release();
  });

  it('takes over the lock of a killed build that is still a zombie (not yet reaped, so kill(0) still finds it)', async () => {
    // A zombie made on purpose: a shell starts a child, stops itself (so it cannot reap), and the child is killed.
    const shell = spawn('bash', ['-c', 'sleep 600 & echo $!; kill -STOP $$'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => shell.stdout.once('data', (d: Buffer) => resolve(d.toString()))));
      const state = (p: number) => fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.charAt(0);
      // Only once the shell is stopped: a running shell would reap its killed child at once, leaving no zombie.
      for (let i = 0; i < 500 && state(shell.pid!) !== 'T'; i++) spawnSync('sleep', ['0.01']);
      expect(state(shell.pid!)).toBe('T');
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 200 && state(pid) !== 'Z'; i++) spawnSync('sleep', ['0.01']);
      expect(state(pid)).toBe('Z');
      expect(() => process.kill(pid, 0)).not.toThrow();
      const file = lockIn();
      const holder = { pid, host: os.hostname(), since: new Date().toISOString(), command: 'heritage build' };
      fs.writeFileSync(file, JSON.stringify(holder));
      const r = acquireBuildLock('heritage build', file);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.recovered).toEqual(holder);
        r.release();
      }
    } finally {
      shell.kill('SIGKILL');
    }
  });

  it('does not take over a lock held on another host (its process cannot be checked from here)', () => {
    const file = lockIn();
    fs.writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 17, host: 'elsewhere.example', since: new Date().toISOString(), command: 'heritage build' }));
    const r = acquireBuildLock('heritage build', file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/pid 4194321 on elsewhere\.example/);
  });
});
