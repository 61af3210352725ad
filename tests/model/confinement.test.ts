// Files outside their content folder never get in through a link: a subtitle linked to /etc/passwd, a dub linked
// out of content/, a scene file and a scene model linked from elsewhere, a linked collection folder. Each is an
// error naming its file (and line and field where it has one); a link that stays inside its folder is fine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jobFor } from '../../assets-pipeline/models/sources.ts';
import { ingestAll } from '../../assets-pipeline/ingest/ingest.ts';
import { runSubtitleStage } from '../../assets-pipeline/subtitles/stage.ts';
import { confine } from '../../model/confine.ts';
import type { Scene } from '../../model/scene.ts';
import { checkContentType } from '../../assets-pipeline/ingest/content.ts';
import { dramas as dramaType } from '../../assets-pipeline/ingest/content-types/dramas.ts';
import { scenes as sceneType } from '../../assets-pipeline/ingest/content-types/scenes.ts';

let root: string;
let content: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'confine-'));
  content = path.join(root, 'content');
  fs.cpSync('tests/fixtures/hostile/confinement', content, { recursive: true });
  const drama = path.join(content, 'dramas', 'linked');
  fs.symlinkSync('/etc/passwd', path.join(drama, 'subtitles', 'en.srt'));
  fs.writeFileSync(path.join(root, 'outside.opus'), 'not ours');
  fs.mkdirSync(path.join(drama, 'audio'));
  fs.symlinkSync(path.join(root, 'outside.opus'), path.join(drama, 'audio', 'fr.opus'));
  fs.mkdirSync(path.join(drama, 'video'));
  fs.writeFileSync(path.join(drama, 'video', 'real.mp4'), 'x');
  fs.symlinkSync('real.mp4', path.join(drama, 'video', 'inside.mp4'));
  // A sibling folder whose name starts with the drama's: a prefix check without a separator would let it in.
  fs.mkdirSync(path.join(content, 'dramas', 'linked2'));
  fs.writeFileSync(path.join(content, 'dramas', 'linked2', 'x.srt'), 'x');
  fs.mkdirSync(path.join(content, 'scenes'));
  fs.writeFileSync(path.join(root, 'elsewhere.yaml'), 'id: elsewhere\n');
  fs.symlinkSync(path.join(root, 'elsewhere.yaml'), path.join(content, 'scenes', 'elsewhere.yaml'));
  fs.writeFileSync(path.join(root, 'model.glb'), 'glTF');
  fs.symlinkSync(path.join(root, 'model.glb'), path.join(content, 'scenes', 'linked.glb'));
  fs.mkdirSync(path.join(content, 'collections'));
  fs.mkdirSync(path.join(root, 'real-collection'));
  fs.symlinkSync(path.join(root, 'real-collection'), path.join(content, 'collections', 'linked'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('confinement of content files', () => {
  it('refuses a drama whose subtitle links to /etc/passwd and whose dub links out, naming file:line and field', () => {
    const { records, problems } = checkContentType(dramaType, content);
    expect(records.map((d) => d.id)).toEqual([]);
    const file = path.join(content, 'dramas', 'linked', 'drama.yaml');
    expect(problems.map((e) => `${e.file}:${e.row}: ${e.field}: ${e.message}`)).toEqual([
      `${file}:16: episodes.0.subtitles.1.path: subtitles/en.srt resolves to /etc/passwd, outside content/dramas/linked/: files must be inside it (not links out of it)`,
      `${file}:18: episodes.0.dubs.0.path: audio/fr.opus resolves to ${fs.realpathSync(path.join(root, 'outside.opus'))}, outside content/dramas/linked/: files must be inside it (not links out of it)`,
    ]);
  });

  it('publishes nothing of /etc/passwd from the subtitle stage (the drama never validates, so it is never read)', () => {
    vi.stubEnv('HERITAGE_CONTENT_DIR', content);
    vi.stubEnv('HERITAGE_BUILD_DIR', path.join(root, 'build'));
    const lines: string[] = [];
    const records = path.join(root, 'build', 'records');
    fs.mkdirSync(records, { recursive: true });
    const checked = checkContentType(dramaType, content);
    fs.writeFileSync(path.join(records, 'dramas.json'), JSON.stringify({ version: 1, records: checked.records }));
    try {
      runSubtitleStage((l) => lines.push(l));
    } finally {
      vi.unstubAllEnvs();
    }
    const published = fs.readdirSync(path.join(root, 'build'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const e of published) expect(fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')).not.toMatch(/^root:/m);
  });

  it('accepts a link that stays inside the folder and checks with a separator', () => {
    const dir = path.join(content, 'dramas', 'linked');
    expect(confine(dir, 'video/inside.mp4')).toEqual({ file: fs.realpathSync(path.join(dir, 'video', 'real.mp4')) });
    expect(confine(dir, '../linked2/x.srt')).toMatchObject({ outside: true });
    expect(confine(dir, 'subtitles/missing.srt')).toEqual({ problem: 'file not found: subtitles/missing.srt' });
  });

  it('refuses a scene file and a scene model that are links from outside content/scenes/', () => {
    const { records, problems } = checkContentType(sceneType, content);
    expect(records).toEqual([]);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/elsewhere\.yaml/));
    const scene = { id: 'cave' } as Scene;
    expect(() => jobFor(scene, 'v1', { path: 'linked.glb' } as Parameters<typeof jobFor>[2], path.join(content, 'scenes'))).toThrow(
      /^scene "cave" variant "v1" field source\.path: linked\.glb resolves to .*model\.glb, outside content\/scenes\//,
    );
  });

  it('reports a collection folder that is a link instead of skipping it', () => {
    const result = ingestAll(content);
    const text = JSON.stringify(result.problems);
    expect(text).toContain('is a symbolic link');
    expect(text).toContain('a collection must be a real folder inside content/collections');
    expect(result.problems.count).toBeGreaterThan(0);
  });
});
