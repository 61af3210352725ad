// One timed image-stage run for the distributed benchmark, in a process of its own so its libvips and libuv
// thread settings hold: `inprocess` (one image at a time) or `queue URL` (the coordinator). Prints JSON.
import sharp from 'sharp';
import { runImageStage } from '../../assets-pipeline/images/stage.ts';

sharp.concurrency(1);
const [mode, url] = process.argv.slice(2);
const startedAt = Date.now();
const cpu0 = process.cpuUsage();
const r = await runImageStage({ concurrency: 1, progress: false, log: (l) => process.stderr.write(`${l}\n`), ...(mode === 'queue' ? { queue: url } : {}) });
// CPU seconds this process spent in the stage: the coordinator's own cost, or the in-process run's use of more than one core.
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ seconds: r.seconds, rendered: r.rendered, failed: r.failed, ms: r.ms, startedAt, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
