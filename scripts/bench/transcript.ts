// `npm run bench -- transcript [--cues 200000] [--baseline REF] [--runs 1]`: the film player's transcript with many
// cues in Chromium, today's (only the lines in view rendered) against the player at REF (every line rendered), in
// the same run: time to interactive (end of the last long task before a quiet 1.5 s, after the track's cues loaded),
// long tasks and their blocking time, transcript rows in the DOM, and a click on a line until it is marked current.
// REF defaults to the last commit before the transcript was virtualized. Prints one JSON line last.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tools/browser.ts';
import { currentPlayer, measureTranscript, openTranscriptPage, playerAt, transcriptPage, type TranscriptMetrics } from '../tools/transcript-page.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    cues: { type: 'string', default: '200000' },
    baseline: { type: 'string', default: '2b27b91' },
    runs: { type: 'string', default: '1' },
  },
});
const cues = Number(values.cues);
const runs = Number(values.runs);
const log = (line: string) => console.error(line);

const browser = await launchBrowser();
const result: Record<string, TranscriptMetrics[]> = {};
try {
  for (const src of [playerAt(values.baseline), currentPlayer()]) {
    const label = src.name === 'current' ? 'current' : `baseline ${src.name}`;
    const tp = await transcriptPage(cues, src);
    log(`${label}: page ${(tp.html.length / 1e6).toFixed(1)} MB`);
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // The old player's 56 MB page takes minutes to load and settle on a busy machine.
      await openTranscriptPage(page, tp, 1_800_000);
      const m = await measureTranscript(page, tp, 1500, 1_800_000);
      await page.close();
      log(`${label} run ${i + 1}: ${JSON.stringify(m)}`);
      (result[label] ??= []).push(m);
    }
  }
} finally {
  await browser.close();
}
const summary = Object.fromEntries(
  Object.entries(result).map(([k, ms]) => [
    k,
    Object.fromEntries((Object.keys(ms[0]!) as (keyof TranscriptMetrics)[]).map((f) => [f, Math.round(median(ms.map((m) => m[f])) * 100) / 100])),
  ]),
);
console.log(JSON.stringify({ bench: 'transcript', cues, runs, load: os.loadavg()[0], ...summary }));
