// One row read through the mapping's specs, field by field: each field's evaluation runs separately so one bad
// field does not hide the others, and what it reports is kept with the field's name. A class rather than closures
// made per row: the importer runs under tsx, whose transform names every closure it creates (a property write per
// closure per row), which cost more than the mapping itself.
import { LOCALES } from '../../model/locales.ts';
import type { LangMap } from '../../model/schema.ts';
import type { LangSpec, ScalarSpec } from './collection-config.ts';
import type { Row } from './read-rows.ts';
import { evalLang, evalScalar, SpecError, type TemplateLookup } from './value-spec.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export class FieldReader {
  readonly problems: FieldProblem[] = [];
  readonly warnings: FieldProblem[] = [];
  constructor(readonly row: Row) {}

  run<T>(field: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      return this.caught(field, e);
    }
  }

  /** A mapping error (a bad `map` value, a case missing, a broken pattern) is the field's problem; anything else
   * is a fault of the importer and is thrown on. */
  private caught(field: string, e: unknown): undefined {
    if (e instanceof SpecError || e instanceof SyntaxError) {
      this.problems.push({ field, message: e.message });
      return undefined;
    }
    throw e;
  }

  warn(field: string, message: string): void {
    this.warnings.push({ field, message });
  }

  /** Every value of a text field, one language map each. */
  lang(field: string, spec: LangSpec | undefined, lookup?: TemplateLookup): LangMap[] {
    if (!spec) return [];
    try {
      return evalLang(spec, this.row, lookup, (message) => this.warn(field, message));
    } catch (e) {
      this.caught(field, e);
      return [];
    }
  }

  scalar(field: string, spec: ScalarSpec | undefined): string[] {
    if (!spec) return [];
    try {
      return evalScalar(spec, this.row);
    } catch (e) {
      this.caught(field, e);
      return [];
    }
  }

  /** The model keeps one value for some fields: further values are reported, never dropped silently. */
  one(field: string, maps: LangMap[] | undefined): LangMap | undefined {
    if (maps && maps.length > 1) {
      const shown = (m: LangMap) => `"${LOCALES.map((l) => m[l]).find(Boolean)}"`;
      this.warn(field, `${maps.length} values; this field holds one: ${shown(maps[0]!)} kept, ${maps.slice(1).map(shown).join(', ')} not published`);
    }
    return maps?.[0];
  }

  /** A list field mapped from several specs (`materials: [{…}, {…}]`), their values in order. */
  list(field: string, specs: LangSpec[] | undefined): LangMap[] {
    const out: LangMap[] = [];
    if (specs) for (let i = 0; i < specs.length; i++) out.push(...this.lang(`${field}.${i}`, specs[i]));
    return out;
  }
}
