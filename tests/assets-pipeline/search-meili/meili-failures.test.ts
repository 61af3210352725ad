// Failure handling against a real server: a rejected document, a server that is down and a wrong key all end
// with one clear line and a non-zero exit, and the live index keeps serving what it had.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactToDocs } from '../../../assets-pipeline/search/doc.ts';
import { buildDocs, type BuiltDocs } from '../../../assets-pipeline/search-meili/documents.ts';
import { explain } from '../../../assets-pipeline/search-meili/errors.ts';
import { syncMeili, type SyncOptions } from '../../../assets-pipeline/search-meili/sync.ts';
import type { MeiliDoc } from '../../../formats/search-index/meili-layout.ts';
import { realArtifacts } from '../search/real-records.ts';
import { compoundArtifacts } from './compound-records.ts';
import { freePort, startMeili, type MeiliServer } from '../../../scripts/tools/meili-server.ts';

let server: MeiliServer;
let admin: Meilisearch;
let built: BuiltDocs;
let dir: string;
let options: SyncOptions;

const count = async () => (await admin.index('heritage').getStats()).numberOfDocuments;
const uids = async () => (await admin.getIndexes({ limit: 100 })).results.map((i) => i.uid).sort();
const titleOf = async (uid: string) => ((await admin.index('heritage').getDocument(uid)) as MeiliDoc).display.en.title;

beforeAll(async () => {
  server = await startMeili();
  admin = new Meilisearch({ host: server.host, apiKey: server.masterKey });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meili-fail-'));
  built = await buildDocs([...realArtifacts().slice(0, 40), ...compoundArtifacts()].flatMap((r) => artifactToDocs(r)));
  options = { host: server.host, adminKey: server.masterKey, index: 'heritage', layout: 'single', synonyms: {}, stateFile: path.join(dir, 'state.json') };
  expect((await syncMeili(built, options)).mode).toBe('full');
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function withDocs(docs: MeiliDoc[]): BuiltDocs {
  return { ...built, docs, hashes: new Map(docs.map((d) => [d.uid, JSON.stringify(d)])) };
}

describe('Meilisearch sync', () => {
  it('re-sends nothing when nothing changed, then only the changed and removed documents', async () => {
    expect((await syncMeili(built, options)).mode).toBe('unchanged');
    const changed = built.docs.map((d, i) => (i === 0 ? { ...d, display: { ...d.display, en: { ...d.display.en, title: 'Renamed' } } } : d)).slice(0, -1);
    const next = { ...built, docs: changed, hashes: new Map(built.hashes) };
    next.hashes.set(changed[0]!.uid, 'changed');
    next.hashes.delete(built.docs.at(-1)!.uid);
    const s = await syncMeili(next, options);
    expect([s.mode, s.sent, s.deleted]).toEqual(['incremental', 1, 1]);
    expect(await count()).toBe(built.docs.length - 1);
    expect(await titleOf(changed[0]!.uid)).toBe('Renamed');
  });

  it('reports a rejected document by id and leaves the live index untouched (full and incremental)', async () => {
    const before = await count();
    const bad = { ...built.docs[1]!, uid: 'not a valid id!' };
    for (const full of [true, false]) {
      const err = await syncMeili(withDocs([...built.docs.slice(0, 5), bad]), { ...options, full }).catch((e: unknown) => e);
      const line = explain(err, server.host);
      expect(line, `full=${full}`).toMatch(/invalid_document_id/);
      expect(line).toContain('not a valid id!');
      expect(line).not.toContain('\n');
      expect(await count()).toBe(before);
      expect(await uids()).toEqual(['heritage', 'heritage_facets']);
    }
  });

  it('a full reindex swaps a complete new index in and removes the old one', async () => {
    const s = await syncMeili(built, { ...options, full: true });
    expect(s.mode).toBe('full');
    expect(await count()).toBe(built.docs.length);
    expect(await uids()).toEqual(['heritage', 'heritage_facets']);
  });
});

describe('heritage index --engine meilisearch', () => {
  const cli = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', 'index', '--engine', 'meilisearch'], {
      encoding: 'utf8',
      env: { ...process.env, HERITAGE_BUILD_DIR: dir, ...env },
      timeout: 60_000,
    });

  it('server down: one clear line, exit 1', async () => {
    const r = cli({ HERITAGE_MEILI_HOST: `http://127.0.0.1:${await freePort()}`, HERITAGE_MEILI_ADMIN_KEY: 'x' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^✗ Meilisearch at http:\/\/127\.0\.0\.1:\d+ is not reachable/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('wrong key: one clear line, exit 1, live index untouched', async () => {
    const before = await count();
    const r = cli({ HERITAGE_MEILI_HOST: server.host, HERITAGE_MEILI_ADMIN_KEY: 'wrong-key' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^✗ Meilisearch at .* refused the admin key \(invalid_api_key\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await count()).toBe(before);
  });
});
