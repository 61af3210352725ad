// Runs a command and measures wall time and the peak resident memory of its whole process tree (sampled
// from /proc), the way the issues state their targets. Shared by every benchmark.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Measured {
  code: number;
  seconds: number;
  peakRssMiB: number;
  /** CPU time (user + system) of the whole process tree: unlike wall time, barely changed by other load.
   * Exact when a benchmark runs one command at a time (two at once would share the count). */
  cpuSeconds: number;
}

// Times of this process's ended and waited-for descendants (`cutime`, `cstime` in /proc/self/stat), in clock
// ticks of 1/100 s (Linux's USER_HZ): a child's own children are counted once it has waited for them.
function childCpuTicks(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command's name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  return Number(fields[13]) + Number(fields[14]);
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
  const ticks = childCpuTicks();
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
  }, 250);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({
        code: code ?? 1,
        seconds: (performance.now() - started) / 1000,
        peakRssMiB: Math.round(peak / 1024),
        cpuSeconds: (childCpuTicks() - ticks) / 100,
      });
    });
  });
}
