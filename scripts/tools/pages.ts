// Finds one built page of every page template in every locale, so a new page type is checked (axe,
// screenshots) as soon as it exists, without anyone adding it to a list.
import fs from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../../model/locales.ts';

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

export function htmlFiles(dist: string): string[] {
  return walk(dist);
}

/** `/zh/artifacts/x/` → template `artifacts/*`; `/zh/collections/a/2/` → `collections/*\/*`. */
export function templateSamples(dist: string): { template: string; urls: string[] }[] {
  const byTemplate = new Map<string, Map<string, string>>();
  for (const file of walk(dist)) {
    const rel =
      '/' +
      path
        .relative(dist, file)
        .replace(/index\.html$/, '')
        .replace(/\\/g, '/');
    const parts = rel.split('/').filter(Boolean);
    const locale = parts[0] && (LOCALES as readonly string[]).includes(parts[0]) ? parts.shift()! : '-';
    const template = parts.map((p, i) => (i === 0 ? p : '*')).join('/') || '(home)';
    const perLocale = byTemplate.get(template) ?? new Map<string, string>();
    if (!perLocale.has(locale) || rel.length < perLocale.get(locale)!.length) perLocale.set(locale, rel);
    byTemplate.set(template, perLocale);
  }
  return [...byTemplate].map(([template, m]) => ({ template, urls: [...m.values()] })).sort((a, b) => a.template.localeCompare(b.template));
}
