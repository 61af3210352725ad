// Heavy build work runs in child processes: their memory is returned when they end (a long-lived parent
// keeps its peak heap), and two of them use both cores.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import os from 'node:os';
import { ROOT } from '../model/paths.ts';

/** Killed by a signal: 128 + its number, as a shell reports it (never mistaken for a stage's "items failed"). */
const exitCode = (code: number | null, signal: NodeJS.Signals | null): number => code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0);

export function runNode(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(exitCode(code, signal)));
  });
}

/** Loaded first in a child (`--import`): it ends the child when the parent is gone. The parent holds the only
 * writing end of the child's file descriptor 3, and the kernel closes it however the parent ends, SIGKILL
 * included, so the child reads end-of-file then. Node has no parent-death signal (Linux's prctl
 * PR_SET_PDEATHSIG), and an exit handler in the parent never runs on SIGKILL; a process group does not help
 * either, since nothing is left to signal it. Unreferenced, so it never keeps a finished child alive; the
 * child's own children (esbuild's service) end when their pipes from it close. */
const DIE_WITH_PARENT = `data:text/javascript,${encodeURIComponent(
  "import net from 'node:net';" +
    'const s = new net.Socket({ fd: 3, readable: true, writable: false });' +
    "s.on('error', () => {});" +
    "s.on('close', () => process.kill(process.pid, 'SIGKILL'));" +
    's.resume();' +
    's.unref();',
)}`;

/** As runNode, in another folder with a whole environment of its own; its error output is shown as it comes and
 * its last 16 KB returned, for the error message. The child ends with this process, even a SIGKILLed one: a
 * killed worker leaves no Astro running behind it. */
export function runNodeIn(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal }): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', DIE_WITH_PARENT, ...args], {
      cwd: opts.cwd,
      stdio: ['ignore', 'inherit', 'pipe', 'pipe'],
      env: opts.env,
      signal: opts.signal,
    });
    // Read so that its end is noticed when the child exits ('close' waits for every pipe).
    (child.stdio[3] as Readable).resume();
    let stderr = '';
    (child.stdio[2] as Readable).on('data', (d: Buffer) => {
      process.stderr.write(d);
      stderr = (stderr + d.toString()).slice(-16_384);
    });
    // Aborted: 'close' follows with the signal that stopped it.
    child.on('error', (err) => {
      if (err.name !== 'AbortError') resolve({ code: 1, stderr: err.message });
    });
    child.on('close', (code, signal) => resolve({ code: exitCode(code, signal), stderr }));
  });
}
