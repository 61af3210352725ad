// Turns one source row into a normalized artifact through the collection's mapping, then validates it
// with the shared schema. Problems carry the schema field that failed, so curators know what to fix.
import { artifact, type Artifact, type ArtifactInput, type LangMap } from '../../model/schema.ts';
import { periodForYears, type Chronology, type Period } from '../../model/periods.ts';
import { pick } from '../../model/text.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { FIELD_LIMITS, MAX_TEXT_CHARS } from './cell-text.ts';
import { readDate, readDateSpan, textLang, type DateReading, type NamedRanges } from './dates.ts';
import type { CollectionConfig, LangSpec, ScalarSpec } from './collection-config.ts';
import type { Row } from './read-rows.ts';
import { evalLang, evalScalar, specPaths, SpecError, type TemplateLookup } from './value-spec.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/** What a collection's chronologies lend the mapping: reign names for dates, periods to derive and reconcile. */
export interface MapContext {
  chronologies: Chronology[];
  named?: NamedRanges | undefined;
  matchPeriod?: ((label: string) => Period | undefined) | undefined;
}

interface MapOutcome {
  warnings: FieldProblem[];
  /** Source period labels that match no period of the collection's chronologies. */
  unmatchedPeriods: string[];
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
  const displayDate = one('date.display', lang('date.display', f.date?.display)) ?? shownYears;
  const unmatchedPeriods: string[] = [];
  let period: LangMap | undefined;
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
    period = one('period', labels);
  }

  const input: ArtifactInput = {
    type: 'artifact',
    collection: config.id,
    sourceId: sourceId ?? '',
    id: (sourceId ?? '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, ''),
    title: title as LangMap,
    alternateTitles: (f.alternateTitles ?? []).flatMap((s, i) => lang(`alternateTitles.${i}`, s)),
    description: one('description', lang('description', f.description)),
    rights: scalar('rights', f.rights)[0] ?? config.rights,
    sourceUrl: scalar('sourceUrl', f.sourceUrl)[0],
    date: displayDate || years ? { display: displayDate, from: years?.from, to: years?.to } : undefined,
    period,
    objectType: one('objectType', lang('objectType', f.objectType)),
    materials: (f.materials ?? []).flatMap((s, i) => lang(`materials.${i}`, s)),
    dimensions: one('dimensions', lang('dimensions', f.dimensions)),
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
      return scalar(`media.${i}.path`, m.path).map((path) => ({
        kind: m.kind,
        path,
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
    if (typeof value === 'string') return value;
    const map = value as LangMap | undefined;
    return sub ? (map?.[sub as Locale] ?? pick(map, l)?.text) : pick(map, l)?.text;
  };
  const credit = one('credit', lang('credit', f.credit, lookup));
  if (credit) input.credit = credit;

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
  const outcome = { warnings, unmatchedPeriods };
  if (r.problems.length || !parsed.success) return { ok: false, problems: r.problems, input, ...outcome };
  return { ok: true, record: parsed.data, ...outcome };
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
  media: ['path', 'label', 'alt', 'description'],
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
