// Coverage per collection, field and locale (translated, needing review, shown in a fallback language, or
// absent in every language), and the same for UI namespaces and the text of scenes, films and any other
// YAML content type. Reported, never enforced: a missing translation does not fail a build.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { contentDir, ROOT } from '../../model/paths.ts';
import { readCollections, streamArtifacts } from '../../model/store.ts';
import { type DescriptionCoverage, DescriptionCounter } from './descriptions.ts';
import { fieldMaps, fieldOfStateKey, TRANSLATABLE_FIELDS } from './fields.ts';

export interface Counts {
  total: number;
  translated: number;
  needsReview: number;
  fallback: number;
  missing: number;
  /** translated / total, 0–1 (1 when total is 0). */
  share: number;
}
export type PerLocale = Record<Locale, Counts>;

export interface ReviewItem {
  collection: string;
  id: string;
  field: string;
  locale: Locale;
  state: 'needs-review' | 'stale';
}

export interface TranslationStatus {
  collections: Record<string, { records: number; fields: Record<string, PerLocale> }>;
  ui: Record<string, PerLocale>;
  /** Texts of other content types, per type (scenes, films, …) and file. */
  content: Record<string, Record<string, PerLocale>>;
  needsReview: ReviewItem[];
  /** Image text alternatives per collection and locale: the curator's (written) or composed from the record. */
  descriptions: DescriptionCoverage[];
}

const empty = (): Counts => ({ total: 0, translated: 0, needsReview: 0, fallback: 0, missing: 0, share: 1 });
const perLocale = (): PerLocale => Object.fromEntries(LOCALES.map((l) => [l, empty()])) as PerLocale;
function finish(p: PerLocale): PerLocale {
  for (const c of Object.values(p)) c.share = c.total ? Math.round((c.translated / c.total) * 10000) / 10000 : 1;
  return p;
}

export async function recordStatus(dir?: string): Promise<Pick<TranslationStatus, 'collections' | 'needsReview' | 'descriptions'>> {
  const collections: TranslationStatus['collections'] = {};
  const needsReview: ReviewItem[] = [];
  const descriptions = new DescriptionCounter();
  for (const c of readCollections(dir)) {
    const fields: Record<string, PerLocale> = Object.fromEntries(TRANSLATABLE_FIELDS.map((f) => [f.name, perLocale()]));
    let records = 0;
    for await (const r of streamArtifacts(c.id, dir)) {
      records++;
      descriptions.add(r);
      for (const field of TRANSLATABLE_FIELDS) {
        const maps = fieldMaps(r, field);
        for (const locale of LOCALES) {
          const counts = fields[field.name]![locale];
          counts.total++;
          const states = Object.entries(r.translations?.[locale]?.fields ?? {})
            .filter(([k]) => fieldOfStateKey(k) === field.name)
            .map(([, v]) => v);
          const state = states.includes('stale') ? 'stale' : states.includes('needs-review') ? 'needs-review' : states[0];
          if (!maps.length) counts.missing++;
          else if (maps.every((m) => m[locale] !== undefined)) {
            counts.translated++;
            if (state === 'needs-review' || state === 'stale') {
              counts.needsReview++;
              needsReview.push({ collection: c.id, id: r.id, field: field.name, locale, state });
            }
          } else counts.fallback++;
        }
      }
    }
    // A field no record of the collection has is not part of its coverage.
    for (const [name, p] of Object.entries(fields))
      if (p.zh.missing === p.zh.total) delete fields[name];
      else finish(p);
    collections[c.id] = { records, fields };
  }
  return { collections, needsReview, descriptions: descriptions.rows() };
}

/** UI strings: each namespace's keys (the union over locales) and how many each locale fills. */
export function uiStatus(localesDir = path.join(ROOT, 'site/i18n/locales')): TranslationStatus['ui'] {
  const byNs = new Map<string, Partial<Record<Locale, Record<string, unknown>>>>();
  for (const f of fs.readdirSync(localesDir).filter((n) => n.endsWith('.json'))) {
    const parts = f.slice(0, -5).split('.');
    const locale = parts.pop() as Locale;
    if (!LOCALES.includes(locale)) continue;
    const ns = parts.join('.') || 'common';
    const entry = byNs.get(ns) ?? {};
    entry[locale] = JSON.parse(fs.readFileSync(path.join(localesDir, f), 'utf8')) as Record<string, unknown>;
    byNs.set(ns, entry);
  }
  const out: TranslationStatus['ui'] = {};
  for (const [ns, files] of [...byNs].sort()) {
    const keys = new Set(LOCALES.flatMap((l) => Object.keys(files[l] ?? {})));
    const p = perLocale();
    for (const l of LOCALES)
      for (const k of keys) {
        p[l].total++;
        if (files[l]?.[k]) p[l].translated++;
        else p[l].missing++;
      }
    out[ns] = finish(p);
  }
  return out;
}

const isLangMap = (v: unknown): v is Partial<Record<Locale, string>> =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  Object.keys(v).length > 0 &&
  Object.entries(v).every(([k, x]) => (LOCALES as readonly string[]).includes(k) && typeof x === 'string');

function countYaml(value: unknown, p: PerLocale): void {
  if (isLangMap(value)) {
    for (const l of LOCALES) {
      p[l].total++;
      if (value[l]) p[l].translated++;
      else p[l].fallback++;
    }
  } else if (Array.isArray(value)) for (const v of value) countYaml(v, p);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) countYaml(v, p);
}

/** Every {zh, en, fr} text in the YAML files of scenes, films, exhibitions, panoramas…: each type's folder
 * is walked for *.yaml, so a new content type is counted without an edit here. */
export function contentStatus(root = contentDir()): TranslationStatus['content'] {
  const types: Record<string, string> = { scenes: 'scenes', films: 'dramas', exhibitions: 'exhibitions', panoramas: 'panoramas', live: 'live' };
  const out: TranslationStatus['content'] = {};
  for (const [name, folder] of Object.entries(types)) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    for (const f of files) {
      const p = perLocale();
      try {
        countYaml(YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8')), p);
      } catch {
        continue; // validate reports broken YAML; coverage just leaves the file out
      }
      if (p.zh.total) (out[name] ??= {})[f] = finish(p);
    }
  }
  return out;
}

export async function translationStatus(): Promise<TranslationStatus> {
  const records = await recordStatus();
  return { ...records, ui: uiStatus(), content: contentStatus() };
}

const pct = (c: Counts): string => `${(c.share * 100).toFixed(1).padStart(5)} %`;

export function formatStatus(s: TranslationStatus): string {
  const lines: string[] = [];
  const row = (label: string, p: PerLocale) =>
    lines.push(
      `  ${label.padEnd(28)} ${LOCALES.map((l) => `${l} ${pct(p[l])}${p[l].needsReview ? ` (${p[l].needsReview} to review)` : ''}${p[l].fallback ? ` ${p[l].fallback} fallback` : ''}`).join('  ')}`,
    );
  for (const [slug, c] of Object.entries(s.collections)) {
    lines.push(`collection ${slug} (${c.records} records)`);
    for (const [field, p] of Object.entries(c.fields)) row(field, p);
  }
  if (s.descriptions.length) {
    lines.push('image descriptions (text alternatives written by curators; the rest composed from the record)');
    for (const d of s.descriptions)
      lines.push(
        `  ${`${d.collection} ${d.locale}`.padEnd(28)} ${d.written} of ${d.images} written (${((d.images ? d.written / d.images : 1) * 100).toFixed(1)} %), ${d.composed} composed, ${d.long} with a longer description`,
      );
  }
  lines.push('UI namespaces (site/i18n/locales)');
  for (const [ns, p] of Object.entries(s.ui)) row(ns, p);
  for (const [type, files] of Object.entries(s.content)) {
    lines.push(type);
    for (const [f, p] of Object.entries(files)) row(f, p);
  }
  if (s.needsReview.length) {
    lines.push(`needs review (${s.needsReview.length})`);
    for (const r of s.needsReview.slice(0, 50))
      lines.push(`  ${r.locale} ${r.collection} ${r.id} ${r.field}${r.state === 'stale' ? ' (source changed since translated)' : ''}`);
    if (s.needsReview.length > 50) lines.push(`  … and ${s.needsReview.length - 50} more (--json lists all)`);
  }
  return lines.join('\n');
}
