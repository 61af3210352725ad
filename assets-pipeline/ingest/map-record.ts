// Turns one source row into a normalized artifact through the collection's mapping, then validates it
// with the shared schema. Problems carry the schema field that failed, so curators know what to fix.
import { artifact, type Acquisition, type Artifact, type ArtifactInput, type LangMap, type Measurement } from '../../model/schema.ts';
import { periodContaining, periodForYears, type Chronology, type Period } from '../../model/periods.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { FIELD_LIMITS, MAX_TEXT_CHARS } from './cell-text.ts';
import { readYear, zipMeasurements } from './measurements.ts';
import { readDate, readDateSpan, textLang, type DateReading, type NamedRanges } from './dates.ts';
import type { CollectionConfig } from './collection-config.ts';
import type { Row } from './read-rows.ts';
import { specPaths } from './value-spec.ts';
import { FieldReader, type FieldProblem } from './field-reader.ts';
import { mapMedia, type RemoteLookup } from './map-media.ts';
import { creditFor } from './map-credit.ts';

/** What a collection's chronologies lend the mapping: reign names for dates, periods to derive and reconcile. */
export interface MapContext {
  chronologies: Chronology[];
  named?: NamedRanges | undefined;
  matchPeriod?: ((label: string) => Period | undefined) | undefined;
  /** A remote image's cached copy, or why it could not be fetched; undefined when not fetched yet. */
  remoteMedia?: RemoteLookup | undefined;
}

interface MapOutcome {
  warnings: FieldProblem[];
  /** Source period labels that match no period of the collection's chronologies. */
  unmatchedPeriods: string[];
  /** Media addresses with no cached copy yet (each also an error until fetched). */
  pendingMedia: string[];
}
/** On failure the unvalidated input comes back too, so id and media checks can still report their problems. */
export type MapResult = ({ ok: true; record: Artifact } | { ok: false; problems: FieldProblem[]; input: ArtifactInput }) & MapOutcome;

type YearWriter = (y: number) => string;
const BCE: Record<Locale, YearWriter> = { zh: (y) => `公元前${y}年`, en: (y) => `${y} BCE`, fr: (y) => `${y} av. J.-C.` };
const CE: Record<Locale, YearWriter> = { zh: (y) => `${y}年`, en: (y) => `${y}`, fr: (y) => `${y}` };
const BEFORE: Record<Locale, (t: string) => string> = { zh: (t) => `${t}以前`, en: (t) => `before ${t}`, fr: (t) => `avant ${t}` };
const AFTER: Record<Locale, (t: string) => string> = { zh: (t) => `${t}以后`, en: (t) => `after ${t}`, fr: (t) => `après ${t}` };

function writeYear(l: Locale, n: number): string {
  return n < 0 ? BCE[l](-n) : CE[l](n);
}

/** Display text for years the source gives only as numbers, written as each language writes years. */
export function yearsDisplay(from: number | undefined, to: number | undefined): LangMap | undefined {
  if (from === undefined && to === undefined) return undefined;
  const out: LangMap = {};
  for (const l of LOCALES)
    out[l] =
      from === undefined
        ? BEFORE[l](writeYear(l, to!))
        : to === undefined
          ? AFTER[l](writeYear(l, from))
          : from === to
            ? writeYear(l, from)
            : `${writeYear(l, from)} – ${writeYear(l, to)}`;
  return out;
}

/** A display date with no words ("1851", "1828–9") is in no language: the locales the source left empty get the
 * years written their way (or the same text), so a French page does not show "1851" marked as English. */
function neutralDisplay(display: LangMap | undefined, years: { from?: number | undefined; to?: number | undefined } | undefined): LangMap | undefined {
  if (!display) return display;
  const texts = LOCALES.flatMap((l) => (display[l] ? [display[l]!] : []));
  if (texts.some((t) => /[\p{L}]/u.test(t))) return display;
  const written = years ? yearsDisplay(years.from, years.to) : undefined;
  const out: LangMap = {};
  for (const l of LOCALES) {
    const text = display[l] ?? written?.[l] ?? texts[0];
    if (text) out[l] = text;
  }
  return out;
}

type Fields = CollectionConfig['fields'];

function some(maps: LangMap[]): LangMap[] | undefined {
  return maps.length ? maps : undefined;
}

/** The dating: years read from one column or a start and an end column, and the text shown. */
function dateOf(f: Fields, r: FieldReader, named: NamedRanges | undefined): { date: ArtifactInput['date']; years: { from?: number; to?: number } | undefined } {
  const yearsSpec = f.date?.years;
  let reading: DateReading = { kind: 'none' };
  let yearsText: string | undefined;
  if (yearsSpec && typeof yearsSpec === 'object' && 'start' in yearsSpec) {
    const start = r.scalar('date.years.start', yearsSpec.start)[0];
    const end = yearsSpec.end ? r.scalar('date.years.end', yearsSpec.end)[0] : undefined;
    yearsText = [start, end].filter(Boolean).join(' – ') || undefined;
    reading = readDateSpan(start, end, named);
  } else if (yearsSpec) {
    yearsText = r.scalar('date.years', yearsSpec)[0];
    if (yearsText) reading = readDate(yearsText, named);
  }
  if (reading.kind === 'unreadable') r.warn('date.years', `cannot read a date from "${yearsText}": shown as written, with no years`);
  const years = reading.kind === 'years' ? reading : undefined;
  // Without a display column the years column is shown: in its own language when it is worded ("18e siècle"),
  // written out per language when it is only numbers.
  const wordedIn = yearsText ? textLang(yearsText) : undefined;
  const shownYears: LangMap | undefined =
    reading.kind === 'none' || !yearsText
      ? undefined
      : wordedIn
        ? { [wordedIn]: yearsText }
        : reading.kind === 'years'
          ? yearsDisplay(reading.from, reading.to)
          : { zh: yearsText, en: yearsText, fr: yearsText };
  const display = neutralDisplay(r.one('date.display', r.lang('date.display', f.date?.display)), years) ?? shownYears;
  return { date: display || years ? { display, from: years?.from, to: years?.to } : undefined, years };
}

/** Periods: derived from the years in the collection's chronology, or mapped and reconciled to its periods. */
function periodsOf(f: Fields, r: FieldReader, ctx: MapContext, years: { from?: number; to?: number } | undefined, unmatched: string[]): LangMap[] {
  if (f.period === 'derive') {
    for (const c of ctx.chronologies) {
      const p = periodForYears(c, years?.from, years?.to);
      if (p) return [p.name];
    }
    return [];
  }
  if (!f.period) return [];
  const match = ctx.matchPeriod;
  const labels = r.lang('period', f.period).map((m) => {
    for (const l of LOCALES) {
      const hit = m[l] && match?.(m[l]);
      if (hit) return hit.name as LangMap;
    }
    // A cell that gives years or a reign ("1100–1200", "乾隆年间") is the one period holding them all.
    for (const l of LOCALES) {
      const reading = m[l] ? readDate(m[l], ctx.named) : undefined;
      const hit = reading?.kind === 'years' ? periodContaining(ctx.chronologies, reading.from, reading.to) : undefined;
      if (hit) return hit.name as LangMap;
    }
    unmatched.push(LOCALES.map((l) => m[l]).find(Boolean)!);
    return m;
  });
  // Labels that reconcile to the same period are one period.
  const seen = new Set<string>();
  return labels.filter((m) => {
    const key = JSON.stringify(m);
    return !seen.has(key) && seen.add(key);
  });
}

export function mapRecord(config: CollectionConfig, row: Row, ctx: MapContext = { chronologies: [] }): MapResult {
  const f = config.fields;
  const r = new FieldReader(row);
  const sourceId = r.scalar('id', f.id)[0];
  const title = r.one('title', r.lang('title', f.title));
  const { date, years } = dateOf(f, r, ctx.named);
  const unmatchedPeriods: string[] = [];
  const periods = periodsOf(f, r, ctx, years, unmatchedPeriods);
  const objectTypes = r.lang('objectType', f.objectType);
  const rights = r.scalar('rights', f.rights)[0] ?? config.rights;
  const pendingMedia: string[] = [];

  const input: ArtifactInput = {
    type: 'artifact',
    collection: config.id,
    sourceId: sourceId ?? '',
    id: (sourceId ?? '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, ''),
    title: title as LangMap,
    alternateTitles: r.list('alternateTitles', f.alternateTitles),
    description: r.one('description', r.lang('description', f.description)),
    rights,
    sourceUrl: r.scalar('sourceUrl', f.sourceUrl)[0],
    date,
    period: periods[0],
    // A derived period is one; mapped labels may be several.
    otherPeriods: periods.length > 1 ? periods.slice(1) : undefined,
    objectType: objectTypes[0],
    otherObjectTypes: objectTypes.length > 1 ? objectTypes.slice(1) : undefined,
    classifications: some(r.list('classifications', f.classifications)),
    movements: some(r.list('movements', f.movements)),
    subjects: some(r.list('subjects', f.subjects)),
    provenance: some(r.list('provenance', f.provenance)),
    acquisition: f.acquisition ? acquisitionOf(f.acquisition, r) : undefined,
    materials: r.list('materials', f.materials),
    dimensions: r.one('dimensions', r.lang('dimensions', f.dimensions)),
    measurements: f.measurements ? measurementsOf(f.measurements, r) : undefined,
    culture: r.one('culture', r.lang('culture', f.culture)),
    holder: r.one('holder', r.lang('holder', f.holder)) ?? config.holder,
    notes: r.one('notes', r.lang('notes', f.notes)),
    makers: (f.makers ?? []).flatMap((m, i) => {
      // Names and roles read from the same list (`contributors[].name`, `contributors[].role`) pair by index;
      // one role applies to every name.
      const names = r.lang(`makers.${i}.name`, m.name);
      const roles = r.lang(`makers.${i}.role`, m.role);
      if (roles.length > 1 && roles.length !== names.length)
        r.warn(`makers.${i}.role`, `${roles.length} roles for ${names.length} names: roles are not paired with names`);
      return names.map((name, j) => {
        const role = roles.length === names.length ? roles[j] : roles.length === 1 ? roles[0] : undefined;
        return role ? { name, role } : { name };
      });
    }),
    identifiers: (f.identifiers ?? []).flatMap((id, i) =>
      r.scalar(`identifiers.${i}`, id.value).map((value) => ({ scheme: id.scheme, value, ...(id.label ? { label: id.label } : {}) })),
    ),
    places: (f.places ?? []).flatMap((p, i) =>
      r.lang(`places.${i}.name`, p.name).map((name) => ({ role: p.role, name, ...(p.place ? { place: p.place } : {}) })),
    ),
    inscriptions: (f.inscriptions ?? []).flatMap((ins, i) => {
      const text = r.one(`inscriptions.${i}.text`, r.lang(`inscriptions.${i}.text`, ins.text));
      if (!text) return [];
      const position = r.one(`inscriptions.${i}.position`, r.lang(`inscriptions.${i}.position`, ins.position));
      const t = r.one(`inscriptions.${i}.title`, r.lang(`inscriptions.${i}.title`, ins.title));
      return [{ text, ...(position ? { position } : {}), ...(t ? { title: t } : {}) }];
    }),
    publications: (f.publications ?? []).flatMap((s, i) => r.scalar(`publications.${i}`, s)),
    media: mapMedia(f.media, r, rights, ctx.remoteMedia, pendingMedia, config.linkImageServicesFrom),
    credit: config.credit,
  };
  // Credit templates name record fields (`{title}`), so they are filled once the rest is mapped (and again by the
  // importer once translations are merged: see refillCredit).
  const filled = f.credit ? r.run('credit', () => creditFor(config, row, input, (message) => r.warn('credit', message))) : undefined;
  const credit = filled && r.one('credit', filled.maps);
  if (credit) {
    input.credit = credit;
    if (Object.keys(filled.parts).length) input.creditParts = filled.parts;
  }

  if (!sourceId) r.problems.push({ field: 'id', message: 'required: the mapped id column is empty' });
  if (!title) r.problems.push({ field: 'title', message: 'required: no title in any language' });
  const parsed = artifact.safeParse(stripUndefined(input));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      if ((field === 'id' && !sourceId) || (field.startsWith('title') && !title)) continue;
      r.problems.push({ field: field || '-', message: issue.message });
    }
  }
  r.problems.push(...overLimit(input));
  const outcome = { warnings: r.warnings, unmatchedPeriods, pendingMedia };
  if (r.problems.length || !parsed.success) return { ok: false, problems: r.problems, input, ...outcome };
  return { ok: true, record: parsed.data, ...outcome };
}

type Specs<K extends keyof Fields> = NonNullable<Fields[K]>;

function measurementsOf(specs: Specs<'measurements'>, r: FieldReader): Measurement[] | undefined {
  const out = specs.flatMap((m, i) => {
    const zipped = zipMeasurements(
      r.lang(`measurements.${i}.type`, m.type),
      r.scalar(`measurements.${i}.value`, m.value),
      r.scalar(`measurements.${i}.unit`, m.unit),
    );
    for (const message of zipped.warnings) r.warn(`measurements.${i}`, message);
    return zipped.measurements;
  });
  return out.length ? out : undefined;
}

function acquisitionOf(spec: Specs<'acquisition'>, r: FieldReader): Acquisition | undefined {
  const first = (field: string, maps: LangMap[]): LangMap | undefined => {
    if (maps.length > 1) r.warn(field, `${maps.length} values; this field holds one: the first kept`);
    return maps[0];
  };
  const method = first('acquisition.method', r.lang('acquisition.method', spec.method));
  const source = first('acquisition.source', r.lang('acquisition.source', spec.source));
  const yearText = r.scalar('acquisition.year', spec.year)[0];
  const year = yearText === undefined ? undefined : readYear(yearText);
  if (yearText !== undefined && year === undefined) r.warn('acquisition.year', `cannot read a year from "${yearText}": no year published`);
  if (!method && !source && year === undefined) return undefined;
  return { ...(method ? { method } : {}), ...(source ? { source } : {}), ...(year !== undefined ? { year } : {}) };
}

/** Text longer than its field's limit: an error naming the field, so no later stage meets an outsized value. */
function overLimit(input: ArtifactInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  // The path is kept as a stack and spelled out only for a text over its limit: spelling it for every value
  // cost more than the check.
  const at: (string | number)[] = [];
  const visit = (value: unknown, limit: number): void => {
    if (typeof value === 'string') {
      if (value.length > limit)
        out.push({
          field: at.join('.'),
          message: `is ${value.length.toLocaleString('en')} characters long; the limit for this field is ${limit.toLocaleString('en')}`,
        });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        visit(value[i], limit);
        at.pop();
      }
    } else if (value && typeof value === 'object')
      for (const k in value) {
        at.push(k);
        visit((value as Record<string, unknown>)[k], limit);
        at.pop();
      }
  };
  for (const key in input) {
    at.push(key);
    visit(input[key as keyof ArtifactInput], FIELD_LIMITS[key] ?? MAX_TEXT_CHARS);
    at.pop();
  }
  return out;
}

/** Drops undefined members at every depth (walked rather than a JSON round trip, which costs more per record);
 * what holds none is returned as it is, not copied. */
function stripUndefined<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const s = stripUndefined(v);
      if (s !== v) (out ??= value.slice())[i] = s;
    }
    return (out ?? value) as T;
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = o[k];
    const s = v === undefined ? undefined : stripUndefined(v);
    if (!out && (v === undefined || s !== v)) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = o[keys[j]!];
    }
    if (out && s !== undefined) out[k] = s;
  }
  return (out ?? o) as T;
}

/** List fields whose items are structures: the members that hold specs (the others are literals). */
const STRUCTURED_MEMBERS: Record<string, string[]> = {
  makers: ['name', 'role'],
  identifiers: ['value'],
  places: ['name'],
  inscriptions: ['position', 'title', 'text'],
  media: ['path', 'url', 'label', 'alt', 'description'],
  measurements: ['type', 'value', 'unit'],
};

/** Every column path the mapping reads, with the YAML key path where it is written. */
export function mappingPaths(fields: CollectionConfig['fields']): { path: string; at: (string | number)[] }[] {
  const out: { path: string; at: (string | number)[] }[] = [];
  const visit = (spec: unknown, at: (string | number)[]): void => {
    if (spec === undefined || spec === null) return;
    for (const p of specPaths(spec)) out.push({ path: p, at });
    if (typeof spec !== 'object') return;
    const o = spec as Record<string, unknown>;
    if ('bilingual' in o) visit(o.bilingual, [...at, 'bilingual']);
    if ('cases' in o) for (const [k, v] of Object.entries(o.cases as object)) visit(v, [...at, 'cases', k]);
    if ('default' in o) visit(o.default, [...at, 'default']);
    for (const l of LOCALES) if (l in o) visit(o[l], [...at, l]);
  };
  const f = fields as Record<string, unknown>;
  for (const [key, spec] of Object.entries(f)) {
    if (key === 'period' && spec === 'derive') continue;
    if (key === 'date') {
      const d = spec as Record<string, unknown>;
      visit(d.display, ['fields', 'date', 'display']);
      const y = d.years as Record<string, unknown> | undefined;
      if (y && typeof y === 'object' && 'start' in y) {
        visit(y.start, ['fields', 'date', 'years', 'start']);
        visit(y.end, ['fields', 'date', 'years', 'end']);
      } else visit(d.years, ['fields', 'date', 'years']);
    } else if (key === 'acquisition') {
      const a = spec as Record<string, unknown>;
      for (const m of ['method', 'source', 'year']) visit(a[m], ['fields', key, m]);
    } else if (Array.isArray(spec)) {
      const members = STRUCTURED_MEMBERS[key];
      spec.forEach((item: unknown, i) => {
        const at = ['fields', key, i];
        if (!members) visit(item, at);
        else for (const m of members) visit((item as Record<string, unknown>)[m], [...at, m]);
      });
    } else visit(spec, ['fields', key]);
  }
  return out;
}
