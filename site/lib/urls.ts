// URL builders: every link in the site comes from here, so a route change is one edit.
import type { Locale } from '../../model/locales.ts';

export const localePath = (locale: Locale, path = '/'): string => `/${locale}${path.startsWith('/') ? path : `/${path}`}`;
export const artifactPath = (id: string): string => `/artifacts/${encodeURIComponent(id)}/`;
export const collectionPath = (slug: string, page = 1): string => `/collections/${slug}/${page > 1 ? `${page}/` : ''}`;
export const COLLECTION_PAGE_SIZE = 48;
