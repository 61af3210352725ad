// Finds one built page of every page template in every locale, so a new page type is checked (axe,
// screenshots) as soon as it exists, without anyone adding it to a list.
import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
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

const PLAYER = 'data-island="drama-player"';

/** The longest menu label of a page's film player (its audio and subtitle tracks, as the page offers them), 0 without
 * a player. A select is as wide as its longest option, and one long track label widened a film page past a phone's
 * screen while the sampled film, whose labels are short, stayed within it. */
export function playerLabelLength(html: string): number {
  if (!html.includes(PLAYER)) return 0;
  const player = DomUtils.findOne((e) => e.attribs['data-island'] === 'drama-player', parseDocument(html).children);
  if (!player) return 0;
  return Math.max(0, ...DomUtils.findAll((e) => e.name === 'option', [player]).map((o) => DomUtils.textContent(o).trim().length));
}

/** The sample pages of each template, per locale: the shortest address; and where the template's pages have a film
 * player, the one whose player has the longest track label instead (the widest case, for the reflow check at
 * 320 px), keeping the shortest page without a player beside it when the template has both kinds (a film's episodes
 * and its subtitle-report page share an address pattern).
 * `/zh/artifacts/x/` → template `artifacts/*`; `/zh/collections/a/2/` → `collections/*\/*`. */
export function templateSamples(dist: string): { template: string; urls: string[] }[] {
  type Best = { rel: string; width: number };
  // template → locale → [shortest page without a player, widest player page]
  const byTemplate = new Map<string, Map<string, [Best?, Best?]>>();
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
    const width = playerLabelLength(fs.readFileSync(file, 'utf8'));
    const perLocale = byTemplate.get(template) ?? new Map<string, [Best?, Best?]>();
    const pair = perLocale.get(locale) ?? [];
    const slot = width > 0 ? 1 : 0;
    const best = pair[slot];
    if (!best || width > best.width || (width === best.width && rel.length < best.rel.length)) pair[slot] = { rel, width };
    perLocale.set(locale, pair);
    byTemplate.set(template, perLocale);
  }
  return [...byTemplate]
    .map(([template, m]) => ({ template, urls: [...m.values()].flatMap((pair) => pair.filter((p) => p !== undefined).map((p) => p.rel)) }))
    .sort((a, b) => a.template.localeCompare(b.template));
}
