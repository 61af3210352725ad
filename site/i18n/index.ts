// One i18next instance for the whole build; pages ask for a translator bound to their locale.
import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../model/locales.ts';
import { resources } from './resources.ts';
import { gapAfter } from './spacing.ts';

const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  ns: Object.keys(resources[DEFAULT_LOCALE]),
  defaultNS: 'common',
  fallbackLng: false,
  initAsync: false,
  // Astro escapes at render time; escaping here too would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const translators = new Map<Locale, TFunction>();

/** A locale's t(). Plain lookups (a key, no options) are remembered: the build asks for the same few dozen
 * labels on each of 450k artifact pages, and i18next's resolution chain was ~8% of their render time. */
export function translator(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const fixed = instance.getFixedT(locale);
    const known = new Map<string, string>();
    const memo = (key: string | string[], ...rest: unknown[]): unknown => {
      if (rest.length > 0 || typeof key !== 'string') return (fixed as unknown as (...args: unknown[]) => unknown)(key, ...rest);
      let value = known.get(key);
      if (value === undefined) known.set(key, (value = fixed(key)));
      return value;
    };
    t = memo as unknown as TFunction;
    translators.set(locale, t);
  }
  return t;
}

/** A feature's whole namespace in one locale, for components that take their labels as an object. */
export function namespaceStrings<T extends Record<string, string>>(locale: Locale, ns: string): T {
  const strings = resources[locale][ns];
  if (!strings) throw new Error(`i18n: no namespace "${ns}" (site/i18n/locales/${ns}.${locale}.json)`);
  return strings as T;
}

/** A label with its language's colon and the gap before its value: "Curators: ", « Commissaires : », "策展：" —
 * the value follows directly, with no space of the caller's. */
export function labelPrefix(locale: Locale, label: string): string {
  const head = translator(locale)('label', { label });
  return head + gapAfter(head);
}
