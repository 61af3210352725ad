// Large outputs (a 150k-row CSV, an OAI file of 150k records) are streamed: write-file-atomic takes the whole
// content as one buffer, which is what we must not hold. Same contract: write a temp name, then rename, so a
// killed run never leaves a half-written file under the real name.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

export interface AtomicStream {
  write(chunk: string): Promise<void>;
  /** Flushes and renames into place. */
  close(): Promise<{ bytes: number }>;
  abort(): void;
}

export function openAtomic(file: string): AtomicStream {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const out = fs.createWriteStream(tmp, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let bytes = 0;
  return {
    async write(chunk) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async close() {
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      fs.renameSync(tmp, file);
      return { bytes };
    },
    abort() {
      out.destroy();
      fs.rmSync(tmp, { force: true });
    },
  };
}
