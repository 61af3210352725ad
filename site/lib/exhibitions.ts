// The site's view of the published exhibitions: the records `heritage ingest` checked, the stills the still stage
// made, and step texts rendered from Markdown once per build.
import { Marked } from 'marked';
import { mediumKey, readStillsManifest, type Still } from '../../formats/manifests/exhibition-stills.ts';
import { readPublishedExhibitions, type Exhibition, type ExhibitionStep } from '../../model/exhibition.ts';
import type { Artifact } from '../../model/schema.ts';
import { streamAllArtifacts } from '../../model/store.ts';
import { LOCALE_TAGS, LOCALES, type Locale } from '../../model/locales.ts';
import { pick } from '../../model/text.ts';

let cached: Exhibition[] | undefined;
export const exhibitions = (): Exhibition[] => (cached ??= readPublishedExhibitions());

let stills: ReturnType<typeof readStillsManifest> | null | undefined;
/** One still per medium of the step in the page's locale (a chart's legend is in its words), null where none could
 * be made (or the stage has not run). */
export function stepStills(exhibitionId: string, stepId: string, locale: Locale): (Still | null)[] {
  if (stills === undefined) stills = readStillsManifest() ?? null;
  const own = stills?.localized ?? {};
  return (stills?.exhibitions[exhibitionId]?.[stepId] ?? []).map((s, n) => own[mediumKey(exhibitionId, stepId, n, locale)] ?? s);
}

/** A narration medium's published recordings, by locale. */
export function stepAudio(exhibitionId: string, stepId: string, n: number): Partial<Record<Locale, string>> {
  if (stills === undefined) stills = readStillsManifest() ?? null;
  const out: Partial<Record<Locale, string>> = {};
  for (const l of LOCALES) {
    const url = stills?.audio[mediumKey(exhibitionId, stepId, n, l)];
    if (url) out[l] = url;
  }
  return out;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Curators write Markdown, not HTML: raw HTML is shown as text, so a pasted tag can neither break the page nor run.
const markdown = new Marked({ gfm: true, renderer: { html: ({ text }) => escapeHtml(text) } });

/** A step's text in the page's language (or visibly in another), as HTML. */
export function stepHtml(step: ExhibitionStep, locale: Locale): { html: string; lang: string | undefined; fallbackFrom?: Locale } | undefined {
  const v = pick(step.text, locale);
  if (!v) return undefined;
  const html = markdown.parse(v.text, { async: false });
  return v.fallback ? { html, lang: LOCALE_TAGS[v.lang], fallbackFrom: v.lang } : { html, lang: undefined };
}

export interface Showing {
  exhibition: Exhibition;
  step: ExhibitionStep;
}

let showing: Map<string, Showing[]> | undefined;
/** The exhibition steps that show an artifact (as a card or a detail of its image), in exhibition order. */
export function stepsShowing(artifactId: string): Showing[] {
  if (!showing) {
    showing = new Map();
    for (const exhibition of exhibitions())
      for (const step of exhibition.steps) {
        const ids = new Set(step.media.flatMap((m) => (m.kind === 'artifacts' ? m.ids : m.kind === 'region' ? [m.artifact] : [])));
        for (const id of ids) showing.set(id, [...(showing.get(id) ?? []), { exhibition, step }]);
      }
  }
  return showing.get(artifactId) ?? [];
}

let named: Promise<Map<string, Artifact>> | undefined;
/** The full records of the artifacts exhibitions show as cards (their catalogue data is shown where the site holds
 * no image), read in one pass over the catalogue and kept only for those ids. */
export function exhibitionRecords(): Promise<Map<string, Artifact>> {
  named ??= (async () => {
    const ids = new Set(exhibitions().flatMap((e) => e.steps.flatMap((s) => s.media.flatMap((m) => (m.kind === 'artifacts' ? m.ids : [])))));
    const out = new Map<string, Artifact>();
    if (ids.size > 0) for await (const a of streamAllArtifacts()) if (ids.has(a.id)) out.set(a.id, a);
    return out;
  })();
  return named;
}
