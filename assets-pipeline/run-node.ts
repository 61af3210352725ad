// Heavy build work runs in child processes: their memory is returned when they end (a long-lived parent
// keeps its peak heap), and two of them use both cores.
import { spawn } from 'node:child_process';
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

/** As runNode, in another folder with a whole environment of its own; its error output is shown as it comes and
 * its last 16 KB returned, for the error message. */
export function runNodeIn(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal }): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: opts.cwd, stdio: ['ignore', 'inherit', 'pipe'], env: opts.env, signal: opts.signal });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
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
