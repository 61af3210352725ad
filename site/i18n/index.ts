// One i18next instance for the whole build; pages ask for a translator bound to their locale.
import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../model/locales.ts';
import { resources } from './resources.ts';

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

export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

/** A feature's whole namespace in one locale, for components that take their labels as an object. */
export function namespaceStrings<T extends Record<string, string>>(locale: Locale, ns: string): T {
  const strings = resources[locale][ns];
  if (!strings) throw new Error(`i18n: no namespace "${ns}" (site/i18n/locales/${ns}.${locale}.json)`);
  return strings as T;
}
