// Child process of the search benchmark: builds our index for N synthetic artifacts and reports time and
// peak RSS (measured in its own process so the parent's memory does not count).
import { artifactToDocs } from '../../assets-pipeline/search/doc.ts';
import { writeSearchIndex } from '../../assets-pipeline/search/write-index.ts';
import { generateArtifacts } from './search-synthetic.ts';

const n = Number(process.argv[2]);
const out = process.argv[3]!;
async function* docs() {
  for (const a of generateArtifacts(n, 7)) yield* artifactToDocs(a, { thumbnail: (r) => `/media/thumbs/${r.id}.webp` });
}
const started = performance.now();
const summary = await writeSearchIndex(docs(), out, {
  onProgress: (stage, done, total) => process.stderr.write(`\r${stage} ${done}${total ? `/${total}` : ''}   `),
});
process.stderr.write('\n');
console.log(JSON.stringify({ ...summary, seconds: (performance.now() - started) / 1000, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
