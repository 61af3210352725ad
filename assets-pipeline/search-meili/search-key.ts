// The key the built search page hands to every visitor's browser must be able to search and nothing else.
// Comparing it with the admin variable is not enough (the master key, the Default Admin API Key or the Read-Only
// Admin key pass that test), so before building, the server is asked what the key may do: by trying requests that
// each need one write or key-management action and fail validation when allowed (no side effect either way), and,
// when the admin key is set, by reading the key's own action list (GET /keys/{key}).
import fs from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../../model/locales.ts';
import { maskCredentials } from './errors.ts';

const SEARCH_VAR = 'HERITAGE_MEILI_SEARCH_KEY';

/** A request that only a key with `action` gets past authentication with; every one is rejected after it. */
interface Probe {
  action: string;
  method: string;
  path: (index: string) => string;
  body: string;
  type: string;
}
const PROBES: Probe[] = [
  { action: 'keys.get', method: 'GET', path: () => '/keys?limit=1', body: '', type: 'application/json' },
  { action: 'keys.create', method: 'POST', path: () => '/keys', body: '{}', type: 'application/json' },
  { action: 'indexes.create', method: 'POST', path: () => '/indexes', body: '{"uid":"!"}', type: 'application/json' },
  // Meilisearch checks the key before the payload type: a key that may add documents gets a 415.
  { action: 'documents.add', method: 'POST', path: (i) => `/indexes/${i}/documents`, body: '-', type: 'text/x-not-a-document' },
  { action: 'settings.update', method: 'PATCH', path: (i) => `/indexes/${i}/settings`, body: '-', type: 'text/x-not-settings' },
];

/** Tenant tokens are JWTs signed by a search key: the server knows no key by their value. */
const TENANT_TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

async function call(host: string, key: string, method: string, p: string, body?: string, type = 'application/json'): Promise<Response> {
  return fetch(new URL(p, host.endsWith('/') ? host : `${host}/`), {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': type },
    body: method === 'GET' ? undefined : body,
    signal: AbortSignal.timeout(10_000),
  });
}

/**
 * Why the configured search key must not be published, or undefined when it may be (or no Meilisearch is
 * configured, and the site uses its static index).
 */
export async function refuseSearchKey(env: Record<string, string | undefined> = process.env): Promise<string | undefined> {
  const host = env.HERITAGE_MEILI_HOST;
  const key = env.HERITAGE_MEILI_SEARCH_KEY;
  if (!host || !key) return undefined;
  const shown = maskCredentials(host);
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return `HERITAGE_MEILI_HOST: "${shown}" is not a URL`;
  }
  if (url.username || url.password) {
    return `HERITAGE_MEILI_HOST (${shown}) carries a user name or password: the search page publishes the host, so give it without them`;
  }
  const admin = env.HERITAGE_MEILI_ADMIN_KEY;
  if (admin && key === admin) return `${SEARCH_VAR} is the admin key (HERITAGE_MEILI_ADMIN_KEY): give the site a search-only key or a tenant token`;
  const index = encodeURIComponent(env.HERITAGE_MEILI_INDEX ?? 'heritage');
  try {
    const can: string[] = [];
    for (const probe of PROBES) {
      const res = await call(host, key, probe.method, probe.path(index), probe.body, probe.type);
      await res.body?.cancel();
      if (res.status !== 401 && res.status !== 403) can.push(probe.action);
    }
    if (can.length) {
      const what = can.includes('keys.get') ? 'is the master key or an admin key' : 'is not a search-only key';
      return `${SEARCH_VAR} ${what} (Meilisearch at ${shown} lets it do ${can.join(', ')}): the search page would publish it; give the site a key whose only action is "search"`;
    }
    if (admin) {
      const res = await call(host, admin, 'GET', `/keys/${encodeURIComponent(key)}`);
      if (res.ok) {
        const found = (await res.json()) as { name?: string | null; actions?: string[] };
        const extra = (found.actions ?? []).filter((a) => a !== 'search');
        if (extra.length) {
          const name = found.name ? ` ("${found.name}")` : '';
          return `${SEARCH_VAR}${name} may also do ${extra.join(', ')} on ${shown}: give the site a key whose only action is "search"`;
        }
      } else {
        await res.body?.cancel();
        if (res.status === 404 && !TENANT_TOKEN.test(key)) return `${SEARCH_VAR} is not a key of the Meilisearch at ${shown}`;
      }
    }
    const search = await call(host, key, 'POST', '/multi-search', '{"queries":[]}');
    await search.body?.cancel();
    if (!search.ok) return `${SEARCH_VAR} cannot search on the Meilisearch at ${shown} (${search.status})`;
  } catch (err) {
    const why = err instanceof Error ? ((err.cause as { code?: string } | undefined)?.code ?? err.name) : String(err);
    return `cannot check ${SEARCH_VAR}: Meilisearch at ${shown} is not reachable (${why}); a key that was not checked is not published`;
  }
  return undefined;
}

/** `key` as it may appear in an HTML attribute: each character that could be escaped as itself or an entity. */
function keyInHtml(key: string): RegExp {
  const parts = [...key].map((c) =>
    /[A-Za-z0-9_-]/.test(c) ? c : `(?:${c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}|&#\\d+;|&#x[0-9a-fA-F]+;|&[a-z]+;|\\\\u[0-9a-fA-F]{4})`,
  );
  return new RegExp(parts.join(''));
}

/** Removes built search pages that carry `key`, so a refused build leaves no earlier copy of it online. */
export function unpublishKey(dist: string, key: string): string[] {
  const removed: string[] = [];
  const pattern = keyInHtml(key);
  for (const locale of LOCALES) {
    const dir = path.join(dist, locale, 'search');
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true, recursive: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith('.html')) continue;
      const file = path.join(e.parentPath, e.name);
      if (pattern.test(fs.readFileSync(file, 'utf8'))) {
        fs.rmSync(file);
        removed.push(file);
      }
    }
  }
  return removed;
}
