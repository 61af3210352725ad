// Runs a command and measures wall time and the peak resident memory of its whole process tree (sampled
// from /proc), the way the issues state their targets. Shared by every benchmark.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Measured {
  code: number;
  seconds: number;
  peakRssMiB: number;
}

function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended between readdir and read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, quiet = true, cwd?: string): Promise<Measured> {
  const started = performance.now();
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
  }, 250);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000, peakRssMiB: Math.round(peak / 1024) });
    });
  });
}
