// Turns one source row into a normalized artifact through the collection's mapping, then validates it
// with the shared schema. Problems carry the schema field that failed, so curators know what to fix.
import { artifact, type Acquisition, type Artifact, type ArtifactInput, type LangMap, type Measurement } from '../../model/schema.ts';
import { periodForYears, type Chronology, type Period } from '../../model/periods.ts';
import { pick } from '../../model/text.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { FIELD_LIMITS, MAX_TEXT_CHARS } from './cell-text.ts';
import { readYear, zipMeasurements } from './measurements.ts';
import { readDate, readDateSpan, textLang, type DateReading, type NamedRanges } from './dates.ts';
import type { CollectionConfig, LangSpec, ScalarSpec } from './collection-config.ts';
import type { Row } from './read-rows.ts';
import { evalLang, evalScalar, specPaths, SpecError, type TemplateLookup } from './value-spec.ts';
import type { RemoteEntry } from './remote-media.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/** What a collection's chronologies lend the mapping: reign names for dates, periods to derive and reconcile. */
export interface MapContext {
  chronologies: Chronology[];
  named?: NamedRanges | undefined;
  matchPeriod?: ((label: string) => Period | undefined) | undefined;
  /** A remote image's cached copy, or why it could not be fetched; undefined when not fetched yet. */
  remoteMedia?: ((url: string) => { entry: RemoteEntry } | { error: string } | undefined) | undefined;
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

const BCE: Record<Locale, (y: number) => string> = { zh: (y) => `公元前${y}年`, en: (y) => `${y} BCE`, fr: (y) => `${y} av. J.-C.` };
const CE: Record<Locale, (y: number) => string> = { zh: (y) => `${y}年`, en: (y) => `${y}`, fr: (y) => `${y}` };

/** Display text for years the source gives only as numbers, written as each language writes years. */
export function yearsDisplay(from: number | undefined, to: number | undefined): LangMap | undefined {
  if (from === undefined && to === undefined) return undefined;
  const out: LangMap = {};
  for (const l of LOCALES) {
    const y = (n: number) => (n < 0 ? BCE[l](-n) : CE[l](n));
    const before = { zh: (t: string) => `${t}以前`, en: (t: string) => `before ${t}`, fr: (t: string) => `avant ${t}` }[l];
    const after = { zh: (t: string) => `${t}以后`, en: (t: string) => `after ${t}`, fr: (t: string) => `après ${t}` }[l];
    out[l] = from === undefined ? before(y(to!)) : to === undefined ? after(y(from)) : from === to ? y(from) : `${y(from)} – ${y(to)}`;
  }
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

const columnLangCache = new WeakMap<CollectionConfig, (path: string) => Locale | undefined>();
/** A column's language, as the mapping says elsewhere (`title: { fr: titre }` makes `titre` French); a column
 * mapped under two languages has none. */
function columnLangs(config: CollectionConfig): (path: string) => Locale | undefined {
  let hit = columnLangCache.get(config);
  if (!hit) {
    const found = new Map<string, Locale | null>();
    const visit = (spec: unknown): void => {
      if (!spec || typeof spec !== 'object') return;
      if (Array.isArray(spec)) {
        for (const item of spec) visit(item);
        return;
      }
      const o = spec as Record<string, unknown>;
      for (const l of LOCALES) {
        const sub = o[l];
        const path = typeof sub === 'string' ? sub : sub && typeof sub === 'object' ? (sub as { from?: unknown }).from : undefined;
        if (typeof path === 'string') found.set(path, found.has(path) && found.get(path) !== l ? null : l);
      }
      for (const [k, v] of Object.entries(o)) if (!(LOCALES as readonly string[]).includes(k) && k !== 'template') visit(v);
    };
    visit(config.fields);
    hit = (path) => found.get(path) ?? undefined;
    columnLangCache.set(config, hit);
  }
  return hit;
}

/** Runs each field's evaluation separately so one bad field does not hide the others. */
class FieldRunner {
  readonly problems: FieldProblem[] = [];
  run<T>(field: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof SpecError || e instanceof SyntaxError) {
        this.problems.push({ field, message: e.message });
        return undefined;
      }
      throw e;
    }
  }
}

export function mapRecord(config: CollectionConfig, row: Row, ctx: MapContext = { chronologies: [] }): MapResult {
  const f = config.fields;
  const r = new FieldRunner();
  const warnings: FieldProblem[] = [];
  // The model keeps one value for these fields: further values are reported, never dropped silently.
  const one = (field: string, maps: LangMap[] | undefined): LangMap | undefined => {
    if (maps && maps.length > 1) {
      const shown = (m: LangMap) => `"${LOCALES.map((l) => m[l]).find(Boolean)}"`;
      warnings.push({
        field,
        message: `${maps.length} values; this field holds one: ${shown(maps[0]!)} kept, ${maps.slice(1).map(shown).join(', ')} not published`,
      });
    }
    return maps?.[0];
  };
  const lang = (field: string, spec: LangSpec | undefined, lookup?: TemplateLookup): LangMap[] =>
    spec ? (r.run(field, () => evalLang(spec, row, lookup, (message) => warnings.push({ field, message }))) ?? []) : [];
  const scalar = (field: string, spec: ScalarSpec | undefined): string[] => (spec ? (r.run(field, () => evalScalar(spec, row)) ?? []) : []);

  const sourceId = scalar('id', f.id)[0];
  const title = one('title', lang('title', f.title));
  const yearsSpec = f.date?.years;
  let reading: DateReading = { kind: 'none' };
  let yearsText: string | undefined;
  if (yearsSpec && typeof yearsSpec === 'object' && 'start' in yearsSpec) {
    const start = scalar('date.years.start', yearsSpec.start)[0];
    const end = yearsSpec.end ? scalar('date.years.end', yearsSpec.end)[0] : undefined;
    yearsText = [start, end].filter(Boolean).join(' – ') || undefined;
    reading = readDateSpan(start, end, ctx.named);
  } else if (yearsSpec) {
    yearsText = scalar('date.years', yearsSpec)[0];
    if (yearsText) reading = readDate(yearsText, ctx.named);
  }
  if (reading.kind === 'unreadable') warnings.push({ field: 'date.years', message: `cannot read a date from "${yearsText}": shown as written, with no years` });
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
  const displayDate = neutralDisplay(one('date.display', lang('date.display', f.date?.display)), years) ?? shownYears;
  const unmatchedPeriods: string[] = [];
  let period: LangMap | undefined;
  let periods: LangMap[] = [];
  if (f.period === 'derive') {
    for (const c of ctx.chronologies) {
      const p = periodForYears(c, years?.from, years?.to);
      if (p) {
        period = p.name;
        break;
      }
    }
  } else if (f.period) {
    const labels = lang('period', f.period).map((m) => {
      const hit = ctx.matchPeriod && LOCALES.map((l) => m[l]).find((t) => t && ctx.matchPeriod!(t));
      if (hit) return ctx.matchPeriod!(hit)!.name as LangMap;
      if (ctx.chronologies.length) unmatchedPeriods.push(LOCALES.map((l) => m[l]).find(Boolean)!);
      return m;
    });
    // Labels that reconcile to the same period are one period.
    const seen = new Set<string>();
    periods = labels.filter((m) => {
      const key = JSON.stringify(m);
      return !seen.has(key) && seen.add(key);
    });
    period = periods[0];
  }
  const objectTypes = lang('objectType', f.objectType);
  const rights = scalar('rights', f.rights)[0] ?? config.rights;
  const pendingMedia: string[] = [];
  const remoteFiles = (field: string, urls: string[]): { path: string; source: string }[] =>
    urls.flatMap((url) => {
      const fail = (message: string): [] => {
        r.problems.push({ field, message });
        return [];
      };
      if (!/^https?:\/\/\S+$/i.test(url)) return fail(`"${url}" is not an http(s) address`);
      const hit = ctx.remoteMedia?.(url);
      if (!hit) {
        pendingMedia.push(url);
        return fail(`${url} is not fetched yet (validate and ingest fetch it)`);
      }
      if ('error' in hit) return fail(hit.error);
      // A manifest's own statement of rights must agree with the record's, or the curator decides.
      const same = (a: string) => a.replace(/^https?:\/\//, '').replace(/\/$/, '');
      if (hit.entry.rights && same(hit.entry.rights) !== same(rights))
        return fail(`the IIIF manifest at ${url} states rights ${hit.entry.rights}, but the record's rights are ${rights}`);
      return [{ path: hit.entry.path, source: url }];
    });
  const list = (field: string, specs: LangSpec[] | undefined): LangMap[] | undefined => {
    const out = (specs ?? []).flatMap((s, i) => lang(`${field}.${i}`, s));
    return out.length ? out : undefined;
  };

  const input: ArtifactInput = {
    type: 'artifact',
    collection: config.id,
    sourceId: sourceId ?? '',
    id: (sourceId ?? '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, ''),
    title: title as LangMap,
    alternateTitles: (f.alternateTitles ?? []).flatMap((s, i) => lang(`alternateTitles.${i}`, s)),
    description: one('description', lang('description', f.description)),
    rights,
    sourceUrl: scalar('sourceUrl', f.sourceUrl)[0],
    date: displayDate || years ? { display: displayDate, from: years?.from, to: years?.to } : undefined,
    period,
    otherPeriods: periods.length > 1 ? periods.slice(1) : undefined,
    objectType: objectTypes[0],
    otherObjectTypes: objectTypes.length > 1 ? objectTypes.slice(1) : undefined,
    classifications: list('classifications', f.classifications),
    movements: list('movements', f.movements),
    subjects: list('subjects', f.subjects),
    provenance: list('provenance', f.provenance),
    acquisition: f.acquisition ? acquisitionOf(f.acquisition, lang, scalar, warnings) : undefined,
    materials: (f.materials ?? []).flatMap((s, i) => lang(`materials.${i}`, s)),
    dimensions: one('dimensions', lang('dimensions', f.dimensions)),
    measurements: f.measurements ? measurementsOf(f.measurements, lang, scalar, warnings) : undefined,
    culture: one('culture', lang('culture', f.culture)),
    holder: one('holder', lang('holder', f.holder)) ?? config.holder,
    notes: one('notes', lang('notes', f.notes)),
    makers: (f.makers ?? []).flatMap((m, i) => {
      // Names and roles read from the same list (`contributors[].name`, `contributors[].role`) pair by index;
      // one role applies to every name.
      const names = lang(`makers.${i}.name`, m.name);
      const roles = lang(`makers.${i}.role`, m.role);
      if (roles.length > 1 && roles.length !== names.length)
        warnings.push({ field: `makers.${i}.role`, message: `${roles.length} roles for ${names.length} names: roles are not paired with names` });
      return names.map((name, j) => {
        const role = roles.length === names.length ? roles[j] : roles.length === 1 ? roles[0] : undefined;
        return role ? { name, role } : { name };
      });
    }),
    identifiers: (f.identifiers ?? []).flatMap((id, i) =>
      scalar(`identifiers.${i}`, id.value).map((value) => ({ scheme: id.scheme, value, ...(id.label ? { label: id.label } : {}) })),
    ),
    places: (f.places ?? []).flatMap((p, i) =>
      lang(`places.${i}.name`, p.name).map((name) => ({ role: p.role, name, ...(p.place ? { place: p.place } : {}) })),
    ),
    inscriptions: (f.inscriptions ?? []).flatMap((ins, i) => {
      const text = one(`inscriptions.${i}.text`, lang(`inscriptions.${i}.text`, ins.text));
      if (!text) return [];
      const position = one(`inscriptions.${i}.position`, lang(`inscriptions.${i}.position`, ins.position));
      const t = one(`inscriptions.${i}.title`, lang(`inscriptions.${i}.title`, ins.title));
      return [{ text, ...(position ? { position } : {}), ...(t ? { title: t } : {}) }];
    }),
    publications: (f.publications ?? []).flatMap((s, i) => scalar(`publications.${i}`, s)),
    media: (f.media ?? []).flatMap((m, i) => {
      const text = (key: 'label' | 'alt' | 'description') => one(`media.${i}.${key}`, lang(`media.${i}.${key}`, m[key]));
      const [label, alt, description] = [text('label'), text('alt'), text('description')];
      // One entry's texts go with each path it yields (a split path column names views of one image set).
      const files = m.path ? scalar(`media.${i}.path`, m.path).map((path) => ({ path })) : remoteFiles(`media.${i}.url`, scalar(`media.${i}.url`, m.url));
      return files.map((file) => ({
        kind: m.kind,
        ...file,
        ...(label ? { label } : {}),
        ...(alt ? { alt } : {}),
        ...(description ? { description } : {}),
      }));
    }),
    credit: config.credit,
  };
  // Credit templates name record fields (`{title}`), so they are filled once the rest is mapped.
  const lookup: TemplateLookup = (path, l: Locale) => {
    const [head, sub] = path.split('.');
    const value = (input as unknown as Record<string, unknown>)[head!];
    if (typeof value === 'string') return { text: value };
    const map = value as LangMap | undefined;
    const exact = sub && map?.[sub as Locale];
    if (exact) return { text: exact, lang: sub as Locale };
    const picked = pick(map, l);
    return picked && { text: picked.text, lang: picked.lang };
  };
  const creditParts: NonNullable<ArtifactInput['creditParts']> = {};
  const credit = f.credit
    ? one(
        'credit',
        r.run('credit', () =>
          evalLang(f.credit!, row, lookup, (message) => warnings.push({ field: 'credit', message }), {
            columnLang: columnLangs(config),
            onParts: (l, parts) => (creditParts[l] = parts),
          }),
        ) ?? [],
      )
    : undefined;
  if (credit) {
    input.credit = credit;
    if (Object.keys(creditParts).length) input.creditParts = creditParts;
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
  const outcome = { warnings, unmatchedPeriods, pendingMedia };
  if (r.problems.length || !parsed.success) return { ok: false, problems: r.problems, input, ...outcome };
  return { ok: true, record: parsed.data, ...outcome };
}

type LangOf = (field: string, spec: LangSpec | undefined) => LangMap[];
type ScalarOf = (field: string, spec: ScalarSpec | undefined) => string[];
type Specs<K extends keyof CollectionConfig['fields']> = NonNullable<CollectionConfig['fields'][K]>;

function measurementsOf(specs: Specs<'measurements'>, lang: LangOf, scalar: ScalarOf, warnings: FieldProblem[]): Measurement[] | undefined {
  const out = specs.flatMap((m, i) => {
    const zipped = zipMeasurements(
      lang(`measurements.${i}.type`, m.type),
      scalar(`measurements.${i}.value`, m.value),
      scalar(`measurements.${i}.unit`, m.unit),
    );
    for (const message of zipped.warnings) warnings.push({ field: `measurements.${i}`, message });
    return zipped.measurements;
  });
  return out.length ? out : undefined;
}

function acquisitionOf(spec: Specs<'acquisition'>, lang: LangOf, scalar: ScalarOf, warnings: FieldProblem[]): Acquisition | undefined {
  const first = (field: string, maps: LangMap[]): LangMap | undefined => {
    if (maps.length > 1) warnings.push({ field, message: `${maps.length} values; this field holds one: the first kept` });
    return maps[0];
  };
  const method = first('acquisition.method', lang('acquisition.method', spec.method));
  const source = first('acquisition.source', lang('acquisition.source', spec.source));
  const yearText = scalar('acquisition.year', spec.year)[0];
  const year = yearText === undefined ? undefined : readYear(yearText);
  if (yearText !== undefined && year === undefined)
    warnings.push({ field: 'acquisition.year', message: `cannot read a year from "${yearText}": no year published` });
  if (!method && !source && year === undefined) return undefined;
  return { ...(method ? { method } : {}), ...(source ? { source } : {}), ...(year !== undefined ? { year } : {}) };
}

/** Text longer than its field's limit: an error naming the field, so no later stage meets an outsized value. */
function overLimit(input: ArtifactInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  const visit = (value: unknown, at: string, limit: number): void => {
    if (typeof value === 'string') {
      if (value.length > limit)
        out.push({ field: at, message: `is ${value.length.toLocaleString('en')} characters long; the limit for this field is ${limit.toLocaleString('en')}` });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${at}.${i}`, limit);
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${at}.${k}`, limit);
  };
  for (const [key, value] of Object.entries(input)) visit(value, key, FIELD_LIMITS[key] ?? MAX_TEXT_CHARS);
  return out;
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
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
