// Heavy build work runs in child processes: their memory is returned when they end (a long-lived parent
// keeps its peak heap), and two of them use both cores.
import { spawn } from 'node:child_process';
import { ROOT } from '../model/paths.ts';

export function runNode(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
