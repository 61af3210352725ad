// The model stage with a progress bar and a summary; returns how many models failed (the build's Stage shape).
import cliProgress from 'cli-progress';
import { runModelStage, type StageOptions } from './stage.ts';

export async function runModelsWithProgress(opts: StageOptions = {}): Promise<number> {
  const bar = new cliProgress.SingleBar(
    { format: 'models {bar} {value}/{total} | ETA {eta_formatted} | {label}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const summary = await runModelStage({
    ...opts,
    onProgress(done, total, label) {
      // With a queue the build's coordinator draws the one bar over every kind's jobs, this stage's included.
      if (opts.queue) return;
      if (!started) {
        bar.start(total, 0, { label });
        started = true;
      }
      bar.update(done, { label });
    },
  });
  if (started) bar.stop();
  for (const p of summary.problems) console.error(`warning: ${p}`);
  for (const f of summary.failed) for (const e of f.errors) console.error(`error: ${e}`);
  const sizes = Object.entries(summary.bytes)
    .map(
      ([k, b]) =>
        `${k}: ${Object.entries(b)
          .map(([l, n]) => `${l} ${(n / 1024).toFixed(0)} kB`)
          .join(', ')}`,
    )
    .join('; ');
  console.log(
    `models: ${summary.built.length} built, ${summary.skipped.length} unchanged, ${summary.removed.length} removed, ${summary.failed.length} failed` +
      ` in ${(summary.ms / 1000).toFixed(1)} s${sizes ? ` — ${sizes}` : ''}`,
  );
  return summary.failed.length;
}

/** For scripts/cli/stages.ts: `stages.push(modelStage)`. */
export const modelStage = {
  name: 'models (glTF LODs)',
  when: 'before-site' as const,
  run: (ctx?: { queue?: string }) => runModelsWithProgress({ queue: ctx?.queue }),
};
