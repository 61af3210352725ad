// The one list of facets. The search index stores the `index` ones as columns, in this order (the order is part
// of the index format); the browse pages publish landing pages for the `browse` ones under /browse/<slug>/.
// `type` is the kind of search document (artifact, collection, scene, drama…); what an object is, is
// `objectType`, published under /browse/type/ because those URLs are already out.
export const FACETS = {
  type: { index: 'single' },
  collection: { index: 'single' },
  period: { index: 'single', browse: 'period' },
  objectType: { index: 'single', browse: 'type' },
  material: { index: 'multi', browse: 'material' },
  rights: { index: 'single' },
  has3d: { index: 'single' },
  place: { browse: 'place' },
  maker: { browse: 'artist' },
  holder: { browse: 'held-by' },
  classification: { browse: 'classification' },
  movement: { browse: 'movement' },
  subject: { browse: 'subject' },
} as const satisfies Record<string, { index?: 'single' | 'multi'; browse?: string }>;

type Spec = typeof FACETS;
export type Facet = keyof Spec;
/** Facets the search index stores. */
export type IndexFacet = { [K in Facet]: Spec[K] extends { index: string } ? K : never }[Facet];
/** Facets with browse pages. */
export type BrowseFacet = { [K in Facet]: Spec[K] extends { browse: string } ? K : never }[Facet];

const names = Object.keys(FACETS) as Facet[];
export const INDEX_FACETS = names.filter((f): f is IndexFacet => 'index' in FACETS[f]);
export const MULTI_INDEX_FACETS: ReadonlySet<IndexFacet> = new Set(INDEX_FACETS.filter((f) => FACETS[f].index === 'multi'));
export const BROWSE_FACETS = names.filter((f): f is BrowseFacet => 'browse' in FACETS[f]);

/** A facet value's stable key (its URL segment on the browse pages, and what "same value" means elsewhere, e.g.
 * related objects): the English label when there is one (folded), else the French or Chinese. */
export function facetKey(label: { zh?: string; en?: string; fr?: string }): string {
  const text = label.en ?? label.fr ?? label.zh ?? '';
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unknown'
  );
}

/** The URL segment of a browse facet, and back. */
export const browseSlug = (f: BrowseFacet): string => FACETS[f].browse;
export const browseFacetOfSlug = (slug: string): BrowseFacet | undefined => BROWSE_FACETS.find((f) => FACETS[f].browse === slug);
