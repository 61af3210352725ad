// Lazy record streaming reads ids without parsing records; the ids must equal what a full parse gives,
// whatever characters they hold and whatever order a line's keys are in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsFile, streamLazyArtifacts } from '../../model/store.ts';

describe('streamLazyArtifacts', () => {
  it('reads the same ids and records as JSON.parse', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-'));
    const records = [
      { id: 'plain-1', title: { en: 'A' } },
      { id: 'quote"and\\backslash', title: { en: 'B' } },
      { id: '故畫-001', title: { zh: '宋人' } },
      { title: { en: 'keys in another order' }, id: 'late-id' },
    ];
    const file = artifactsFile('c', dir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const seen: { id: string; record: unknown }[] = [];
    for await (const a of streamLazyArtifacts('c', dir)) seen.push({ id: a.id, record: a.record() });
    expect(seen.map((s) => s.id)).toEqual(records.map((r) => r.id));
    expect(seen.map((s) => s.record)).toEqual(records);
    fs.rmSync(dir, { recursive: true });
  });
});
