// Heavy build work runs in child processes: their memory is returned when they end (a long-lived parent
// keeps its peak heap), and two of them use both cores.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { ROOT } from '../model/paths.ts';

export function runNode(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', () => resolve(1));
    // Killed by a signal: 128 + its number, as a shell reports it (never mistaken for a stage's "items failed").
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0)));
  });
}
