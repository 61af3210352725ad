// UI strings: `locales/<locale>.json` is the common namespace, `locales/<feature>.<locale>.json` a feature's.
// Every namespace must define the same keys in every locale; a gap fails the build here, at load time,
// instead of showing a raw key to a visitor.
import { LOCALES, type Locale } from '../../model/locales.ts';

export type Strings = Record<string, string>;
export type Resources = Record<Locale, Record<string, Strings>>;

const files = import.meta.glob<Strings>('./locales/*.json', { eager: true, import: 'default' });

export function collectResources(input: Record<string, Strings>): Resources {
  const out = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Resources;
  for (const [file, strings] of Object.entries(input)) {
    const parts = file
      .replace(/^.*\//, '')
      .replace(/\.json$/, '')
      .split('.');
    const locale = parts.pop() as Locale;
    const ns = parts.length ? parts.join('.') : 'common';
    if (!LOCALES.includes(locale)) throw new Error(`i18n: ${file} is not named <locale>.json or <feature>.<locale>.json`);
    out[locale][ns] = strings;
  }
  return out;
}

/** Lists `locale/namespace: key` for every key some locale has and another lacks (or leaves empty). */
export function missingKeys(resources: Resources): string[] {
  const missing: string[] = [];
  const namespaces = new Set(LOCALES.flatMap((l) => Object.keys(resources[l])));
  for (const ns of namespaces) {
    const keys = new Set(LOCALES.flatMap((l) => Object.keys(resources[l][ns] ?? {})));
    for (const l of LOCALES) for (const k of keys) if (!resources[l][ns]?.[k]) missing.push(`${l}/${ns}: ${k}`);
  }
  return missing;
}

export const resources = collectResources(files);
const gaps = missingKeys(resources);
if (gaps.length) throw new Error(`UI strings missing in some locales (site/i18n/locales):\n  ${gaps.join('\n  ')}`);
