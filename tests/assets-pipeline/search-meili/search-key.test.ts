// The search key a build publishes, checked against a real Meilisearch: only a key whose one action is search (or a
// tenant token) passes; the master key, the default admin keys and any key that may write are refused with a message
// naming the variable, and a refused build removes a search page an earlier build published with that key.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { generateTenantToken } from 'meilisearch/token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskCredentials } from '../../../assets-pipeline/search-meili/errors.ts';
import { refuseSearchKey } from '../../../assets-pipeline/search-meili/search-key.ts';
import { freePort, type MeiliServer, startMeili } from '../../../scripts/tools/meili-server.ts';

let server: MeiliServer;
const keys: Record<string, { key: string; uid: string }> = {};

beforeAll(async () => {
  server = await startMeili();
  const admin = new Meilisearch({ host: server.host, apiKey: server.masterKey });
  for (const k of (await admin.getKeys()).results) keys[k.name ?? k.uid] = { key: k.key, uid: k.uid };
  for (const [name, actions] of [
    ['adds documents', ['search', 'documents.add']],
    ['reads documents', ['search', 'documents.get']],
    ['search only', ['search']],
  ] as const) {
    const k = await admin.createKey({ name, actions: [...actions], indexes: ['*'], expiresAt: null });
    keys[name] = { key: k.key, uid: k.uid };
  }
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const env = (search: string, admin?: string, host = server.host) => ({
  HERITAGE_MEILI_HOST: host,
  HERITAGE_MEILI_SEARCH_KEY: search,
  ...(admin ? { HERITAGE_MEILI_ADMIN_KEY: admin } : {}),
});

describe('the published Meilisearch search key', () => {
  it('refuses the master key, with or without the admin variable', async () => {
    for (const admin of [undefined, keys['Default Admin API Key']!.key]) {
      const why = await refuseSearchKey(env(server.masterKey, admin));
      expect(why).toMatch(/^HERITAGE_MEILI_SEARCH_KEY is the master key or an admin key/);
      expect(why).toContain('keys.get');
    }
  });

  it('refuses the Default Admin API Key, the Read-Only Admin key and the Chat key', async () => {
    expect(await refuseSearchKey(env(keys['Default Admin API Key']!.key))).toMatch(
      /^HERITAGE_MEILI_SEARCH_KEY is the master key or an admin key.*indexes\.create, documents\.add/,
    );
    expect(await refuseSearchKey(env(keys['Default Read-Only Admin API Key']!.key))).toMatch(
      /^HERITAGE_MEILI_SEARCH_KEY is the master key or an admin key.*keys\.get/,
    );
    expect(await refuseSearchKey(env(keys['Default Chat API Key']!.key, server.masterKey))).toMatch(
      /^HERITAGE_MEILI_SEARCH_KEY \("Default Chat API Key"\) may also do chatCompletions/,
    );
  });

  it('refuses keys that may write, and with the admin key also those that may read more than search', async () => {
    expect(await refuseSearchKey(env(keys['adds documents']!.key))).toMatch(/is not a search-only key .*documents\.add/);
    expect(await refuseSearchKey(env(keys['reads documents']!.key, server.masterKey))).toMatch(/\("reads documents"\) may also do documents\.get/);
    expect(await refuseSearchKey(env('not-a-key-of-this-server', server.masterKey))).toMatch(/is not a key of the Meilisearch/);
    expect(await refuseSearchKey(env('not-a-key-of-this-server'))).toMatch(/cannot search .*\(403\)/);
  });

  it('accepts the Default Search API Key, a search-only key and a tenant token', async () => {
    expect(await refuseSearchKey(env(keys['Default Search API Key']!.key))).toBeUndefined();
    expect(await refuseSearchKey(env(keys['search only']!.key, server.masterKey))).toBeUndefined();
    const token = await generateTenantToken({ apiKey: keys['search only']!.key, apiKeyUid: keys['search only']!.uid, searchRules: ['*'] });
    expect(await refuseSearchKey(env(token, server.masterKey))).toBeUndefined();
  });

  it('masks credentials in the host and refuses a host that cannot be asked', async () => {
    const withPassword = server.host.replace('http://', 'http://curator:hunter2@');
    const why = await refuseSearchKey(env(keys['Default Search API Key']!.key, undefined, withPassword));
    expect(why).toContain('http://***@127.0.0.1');
    expect(why).not.toContain('hunter2');
    expect(maskCredentials('at https://a:p@ss@host/x and ftp://u@h')).toBe('at https://***@host/x and ftp://***@h');
    const down = await refuseSearchKey(env('any', undefined, `http://127.0.0.1:${await freePort()}`));
    expect(down).toMatch(/^cannot check HERITAGE_MEILI_SEARCH_KEY: Meilisearch at http:\/\/127\.0\.0\.1:\d+ is not reachable/);
  });

  it('stops `heritage build` and removes the search page an earlier build published with the refused key', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'refused-key-'));
    try {
      const dist = path.join(root, 'dist');
      const page = fs.readFileSync('tests/fixtures/hostile/meili/earlier-search-page.html', 'utf8').replace('{{KEY}}', server.masterKey);
      for (const l of ['zh', 'en']) {
        fs.mkdirSync(path.join(dist, l, 'search'), { recursive: true });
        fs.writeFileSync(path.join(dist, l, 'search', 'index.html'), page);
      }
      fs.writeFileSync(path.join(dist, 'index.html'), 'home');
      const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', 'build'], {
        encoding: 'utf8',
        env: { ...process.env, HERITAGE_BUILD_DIR: path.join(root, 'build'), HERITAGE_DIST_DIR: dist, ...env(server.masterKey) },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/✗ HERITAGE_MEILI_SEARCH_KEY is the master key or an admin key/);
      expect(r.stderr).toContain('removed 2 published search page(s) that carried that key');
      expect(r.stderr + r.stdout).not.toContain(server.masterKey);
      expect(fs.existsSync(path.join(dist, 'en', 'search', 'index.html'))).toBe(false);
      expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('home');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
