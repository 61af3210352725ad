import { LOCALES } from '../../model/locales.ts';

/** One page per locale, for routes that have no other parameter. */
export const localeStaticPaths = () => LOCALES.map((locale) => ({ params: { locale } }));
