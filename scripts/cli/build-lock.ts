// One build at a time per build folder: two builds share the records, the stages' caches and the site versions,
// and would each publish half of the other's work. The lock file names its holder; a holder that died (same
// host, no such process) leaves a stale lock, which the next build takes over with a word.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDir } from '../../model/paths.ts';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

export const lockFile = (): string => path.join(buildDir(), 'build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed build whose parent died too stays a zombie until init reaps it, which a container's init may do late
  // or never: it still answers kill(0) but holds nothing.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state !== 'Z' && state !== 'X';
  } catch {
    // No /proc (not Linux), or it went away just now: kill(0) said it was there.
    return !fs.existsSync('/proc');
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

export function describeHolder(h: LockHolder): string {
  const secs = Math.round((Date.now() - Date.parse(h.since)) / 1000);
  return `pid ${h.pid} on ${h.host}, running "${h.command}" since ${h.since} (${secs} s ago)`;
}

export type LockResult = { ok: true; release: () => void; recovered?: LockHolder } | { ok: false; message: string };

/** Takes the lock, or says who holds it. The file appears complete or not at all (written aside, then linked). */
export function acquireBuildLock(command: string, file = lockFile()): LockResult {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), command };
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(me)}\n`);
  let recovered: LockHolder | undefined;
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.linkSync(tmp, file);
        const release = () => {
          if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        };
        process.once('exit', release);
        return { ok: true, release, recovered };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = readHolder(file);
      const stale = holder === undefined || (holder.host === me.host && !alive(holder.pid));
      if (!stale) {
        return {
          ok: false,
          message: `another build is running: ${describeHolder(holder)}. Nothing was changed; the live site is as that build (or the one before it) left it. Lock file: ${file} (remove it only if that process is gone).`,
        };
      }
      recovered = holder;
      // Renamed aside, not removed: of two builds finding the same stale lock, only one moves it.
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // The other build moved it first; the next attempt finds its lock.
      }
    }
    const holder = readHolder(file);
    return { ok: false, message: `another build took the lock first${holder ? `: ${describeHolder(holder)}` : ''}. Lock file: ${file}.` };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
