// Turns one source row into a normalized artifact through the collection's mapping, then validates it
// with the shared schema. Problems carry the schema field that failed, so curators know what to fix.
import { artifact, type Artifact, type ArtifactInput, type LangMap } from '../../model/schema.ts';
import { periodForYears } from '../../model/periods.ts';
import { pick } from '../../model/text.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';
import type { CollectionConfig, LangSpec, ScalarSpec } from './collection-config.ts';
import type { Row } from './read-rows.ts';
import { evalLang, evalScalar, parseYears, specPaths, SpecError, type TemplateLookup } from './value-spec.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/** On failure the unvalidated input comes back too, so id and media checks can still report their problems. */
export type MapResult = { ok: true; record: Artifact } | { ok: false; problems: FieldProblem[]; input: ArtifactInput };

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

const one = (maps: LangMap[] | undefined): LangMap | undefined => maps?.[0];

export function mapRecord(config: CollectionConfig, row: Row): MapResult {
  const f = config.fields;
  const r = new FieldRunner();
  const lang = (field: string, spec: LangSpec | undefined, lookup?: TemplateLookup): LangMap[] =>
    spec ? (r.run(field, () => evalLang(spec, row, lookup)) ?? []) : [];
  const scalar = (field: string, spec: ScalarSpec | undefined): string[] => (spec ? (r.run(field, () => evalScalar(spec, row)) ?? []) : []);

  const sourceId = scalar('id', f.id)[0];
  const title = one(lang('title', f.title));
  const yearsText = scalar('date.years', f.date?.years)[0];
  const years = yearsText ? parseYears(yearsText) : undefined;
  if (yearsText && !years) r.problems.push({ field: 'date.years', message: `cannot read a year or year range from "${yearsText}"` });
  const derived = f.period === 'derive' ? periodForYears(years?.from, years?.to)?.name : undefined;

  const input: ArtifactInput = {
    type: 'artifact',
    collection: config.id,
    sourceId: sourceId ?? '',
    id: (sourceId ?? '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, ''),
    title: title as LangMap,
    alternateTitles: (f.alternateTitles ?? []).flatMap((s, i) => lang(`alternateTitles.${i}`, s)),
    description: one(lang('description', f.description)),
    rights: scalar('rights', f.rights)[0] ?? config.rights,
    sourceUrl: scalar('sourceUrl', f.sourceUrl)[0],
    date:
      f.date && (years || f.date.display)
        ? { display: one(lang('date.display', f.date.display)) ?? (yearsText ? { en: yearsText } : undefined), from: years?.from, to: years?.to }
        : undefined,
    period: derived ?? (f.period && f.period !== 'derive' ? one(lang('period', f.period)) : undefined),
    objectType: one(lang('objectType', f.objectType)),
    materials: (f.materials ?? []).flatMap((s, i) => lang(`materials.${i}`, s)),
    dimensions: one(lang('dimensions', f.dimensions)),
    culture: one(lang('culture', f.culture)),
    holder: one(lang('holder', f.holder)) ?? config.holder,
    notes: one(lang('notes', f.notes)),
    makers: (f.makers ?? []).flatMap((m, i) => {
      const role = one(lang(`makers.${i}.role`, m.role));
      return lang(`makers.${i}.name`, m.name).map((name) => (role ? { name, role } : { name }));
    }),
    identifiers: (f.identifiers ?? []).flatMap((id, i) =>
      scalar(`identifiers.${i}`, id.value).map((value) => ({ scheme: id.scheme, value, ...(id.label ? { label: id.label } : {}) })),
    ),
    places: (f.places ?? []).flatMap((p, i) =>
      lang(`places.${i}.name`, p.name).map((name) => ({ role: p.role, name, ...(p.place ? { place: p.place } : {}) })),
    ),
    inscriptions: (f.inscriptions ?? []).flatMap((ins, i) => {
      const text = one(lang(`inscriptions.${i}.text`, ins.text));
      if (!text) return [];
      const position = one(lang(`inscriptions.${i}.position`, ins.position));
      const t = one(lang(`inscriptions.${i}.title`, ins.title));
      return [{ text, ...(position ? { position } : {}), ...(t ? { title: t } : {}) }];
    }),
    publications: (f.publications ?? []).flatMap((s, i) => scalar(`publications.${i}`, s)),
    media: (f.media ?? []).flatMap((m, i) => {
      const label = one(lang(`media.${i}.label`, m.label));
      return scalar(`media.${i}.path`, m.path).map((path) => ({ kind: m.kind, path, ...(label ? { label } : {}) }));
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
  const credit = one(lang('credit', f.credit, lookup));
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
  if (r.problems.length || !parsed.success) return { ok: false, problems: r.problems, input };
  return { ok: true, record: parsed.data };
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
  media: ['path', 'label'],
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
      visit(d.years, ['fields', 'date', 'years']);
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
