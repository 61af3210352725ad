// Reads one namespace of the UI string resources (`site/i18n/locales/<ns>.<locale>.json`) for code outside the
// site: labels that stages publish (IIIF metadata, search facet values) are translated where every other string
// is, not in tables of their own. The site loads the same files through Vite (site/i18n/resources.ts).
import fs from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '../model/locales.ts';
import { ROOT } from '../model/paths.ts';

export const RESOURCE_DIR = path.join('site', 'i18n', 'locales');

export const resourceFile = (ns: string, locale: Locale): string => path.join(ROOT, RESOURCE_DIR, `${ns}.${locale}.json`);

/** `key → { zh, en, fr }` for every key of the namespace; a key missing in some locale is an error naming the file. */
export function readLabels(ns: string): Record<string, Record<Locale, string>> {
  const byLocale = LOCALES.map((l) => [l, JSON.parse(fs.readFileSync(resourceFile(ns, l), 'utf8')) as Record<string, unknown>] as const);
  const out: Record<string, Record<Locale, string>> = {};
  for (const [, strings] of byLocale) {
    for (const key of Object.keys(strings)) {
      const labels = {} as Record<Locale, string>;
      for (const [l, s] of byLocale) {
        const v = s[key];
        if (typeof v !== 'string' || v === '') throw new Error(`${resourceFile(ns, l)}: "${key}" is missing (every key in every locale)`);
        labels[l] = v;
      }
      out[key] = labels;
    }
  }
  return out;
}
