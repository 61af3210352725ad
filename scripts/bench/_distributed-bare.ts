// One bare-sharp process for the distributed benchmark's machine baseline: the same render as a job
// (renderImage, the stage's settings, libvips on one thread), but no queue, no store, no hashing. Processes
// started side by side share the images through claim folders (an mkdir either succeeds or says another took
// it), so they balance as workers on a queue do. Waits for "go" on stdin, so the clock leaves out start-up;
// prints JSON with the images it rendered, its CPU seconds from "go" on and when it ended (epoch ms).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import sharp from 'sharp';
import { renderImage } from '../../assets-pipeline/images/render.ts';
import { DEFAULT_PIXEL_LIMIT, DEFAULT_SETTINGS } from '../../assets-pipeline/images/settings.ts';

sharp.concurrency(1);
const [media, out, claims] = process.argv.slice(2) as [string, string, string];
const files = fs
  .readdirSync(media)
  .filter((f) => f.endsWith('.jpg'))
  .sort();
process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  readline.createInterface({ input: process.stdin }).once('line', () => resolve());
});
const cpu0 = process.cpuUsage();
let rendered = 0;
for (const f of files) {
  try {
    fs.mkdirSync(path.join(claims, f));
  } catch {
    continue; // the other process has it
  }
  const id = path.parse(f).name;
  await renderImage(path.join(media, f), path.join(out, id), { settings: DEFAULT_SETTINGS, pixelLimit: DEFAULT_PIXEL_LIMIT, serviceId: `/iiif/${id}` });
  rendered++;
}
const cpu = process.cpuUsage(cpu0);
process.stdout.write(`${JSON.stringify({ rendered, cpuSeconds: (cpu.user + cpu.system) / 1e6, endedAt: Date.now() })}\n`);
process.exit(0);
