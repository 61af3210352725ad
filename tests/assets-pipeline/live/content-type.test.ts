// Live views are checked like every other content type, as file:line:field: message at the line of the YAML source:
// an unknown time zone, a stream URL with the wrong scheme, overlapping slots, archive recordings that do not exist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../assets-pipeline/ingest/content.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'live-type-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}
const tri = (s: string) => `{ zh: ${s}, en: ${s}, fr: ${s} }`;

write(
  'dramas/film/drama.yaml',
  `title: ${tri('Film')}
synopsis: ${tri('A film.')}
credits: ${tri('Us')}
credit: ${tri('Us')}
rights: https://creativecommons.org/licenses/by/4.0/
episodes:
  - { id: one, title: ${tri('One')}, video: { standIn: true, duration: 60 }, originalLanguage: en }
`,
);
const view = (over: { stream?: string; zone?: string; weekly?: string; archive?: string }) => `title: ${tri('Live')}
description: ${tri('A live view.')}
rights: https://creativecommons.org/licenses/by/4.0/
credit: ${tri('Us')}
stream: ${over.stream ?? 'https://streams.example.org/live/index.m3u8'}
timeZone: ${over.zone ?? 'Asia/Shanghai'}
schedule:
  weekly:
${over.weekly ?? '    - { days: [sat], start: "10:00", end: "11:00" }'}
archive:
${over.archive ?? `  - { title: ${tri('Earlier')}, drama: film, episode: one }`}
`;
const lines = async () => (await checkContent(root)).problems.list.map((p) => formatProblem(p, root));

describe('live view content', () => {
  it('a valid view is read with its defaults', async () => {
    write('live/ok.yaml', view({}));
    const result = await checkContent(root);
    expect(result.problems.list.map((p) => formatProblem(p, root))).toEqual([]);
    fs.rmSync(path.join(root, 'live/ok.yaml'));
  });

  it('reports each problem at its line and field', async () => {
    write('live/zone.yaml', view({ zone: 'Asia/Beijing' }));
    write('live/scheme.yaml', view({ stream: 'http://streams.example.org/live/index.m3u8' }));
    write('live/ftp.yaml', view({ stream: 'ftp://127.0.0.1/live/index.m3u8' }));
    write('live/loopback.yaml', view({ stream: 'http://127.0.0.1:8938/live/index.m3u8' }));
    write(
      'live/overlap.yaml',
      view({
        weekly: `    - { days: [sat, sun], start: "10:00", end: "11:00" }
    - { days: [sun], start: "10:30", end: "12:00" }`,
      }),
    );
    write('live/backwards.yaml', view({ weekly: '    - { days: [mon], start: "12:00", end: "11:00" }' }));
    write(
      'live/archive.yaml',
      view({
        archive: `  - { title: ${tri('A')}, drama: nothing, episode: one }
  - { title: ${tri('B')}, drama: film, episode: two }
  - { title: ${tri('C')}, drama: film, episode: one, start: 10, end: 90 }`,
      }),
    );
    const got = await lines();
    expect(got).toEqual(
      expect.arrayContaining([
        'live/zone.yaml:6:timeZone: unknown time zone "Asia/Beijing" (use an IANA name such as Asia/Shanghai or Europe/Paris)',
        'live/scheme.yaml:5:stream: http is only allowed on a loopback address (127.0.0.1, [::1], localhost): use https for streams.example.org',
        'live/ftp.yaml:5:stream: the stream must be an https URL (or http on a loopback address), not ftp:',
        'live/overlap.yaml:10:schedule.weekly.1: overlaps weekly slot 1 (sat,sun 10:00–11:00) on sun',
        'live/backwards.yaml:9:schedule.weekly.0.end: a slot ends after it starts on the same day (split one that runs past midnight into two)',
        'live/archive.yaml:11:archive.0.drama: unknown drama "nothing" (not in content/dramas/, or it has problems)',
        'live/archive.yaml:12:archive.1.episode: drama "film" has no episode "two"',
        'live/archive.yaml:13:archive.2.end: 90 s is after the end of the episode (60 s)',
      ]),
    );
    expect(got.filter((l) => l.startsWith('live/loopback.yaml'))).toEqual([]);
    expect(got.filter((l) => l.startsWith('live/'))).toHaveLength(8);
  });
});
