// Structured dimensions and acquisition years as exports give them: numbers with a decimal point or comma,
// measurement names in English, French or Chinese. What cannot be read is reported by the caller, never guessed.
import { LOCALES } from '../../model/locales.ts';
import type { LangMap, Measurement, MeasurementKind } from '../../model/schema.ts';

/** Words exports use for each kind (lower case; abbreviations as museum APIs write them). A word not listed keeps
 * the source's text as the measurement's label. */
const KIND_WORDS: Record<MeasurementKind, string[]> = {
  height: ['height', 'h', 'h.', 'overall height', 'hauteur', 'haut.', 'ht', '高', '通高'],
  width: ['width', 'w', 'w.', 'largeur', 'larg.', 'l.', '宽', '寬'],
  depth: ['depth', 'd', 'd.', 'profondeur', 'prof.', '深'],
  length: ['length', 'longueur', 'long.', '长', '長'],
  diameter: ['diameter', 'diam.', 'dia.', 'diamètre', 'diametre', '直径', '口径', '直徑', '口徑'],
  thickness: ['thickness', 'épaisseur', 'epaisseur', 'ép.', '厚'],
  weight: ['weight', 'wt', 'poids', '重', '重量'],
};
const BY_WORD = new Map(Object.entries(KIND_WORDS).flatMap(([kind, words]) => words.map((w) => [w, kind as MeasurementKind])));

export function measurementKind(type: LangMap): MeasurementKind | undefined {
  for (const l of LOCALES) {
    const kind = type[l] && BY_WORD.get(type[l]!.trim().toLowerCase());
    if (kind) return kind;
  }
  return undefined;
}

/** "12.5", "12,5" (French decimals), "1 250" or "1,250.5" (grouped thousands); anything else (a bare "1,250" too) is
 * undefined. */
export function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  let n: number | undefined;
  if (/^\d+(?:\.\d+)?$/.test(t)) n = Number(t);
  else if (/^\d+,\d+$/.test(t) && !/^\d{1,3},\d{3}$/.test(t)) n = Number(t.replace(',', '.'));
  // "1,250" alone could be French 1.25 or English 1250: read neither.
  else if (/^\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|,\d{3}\.\d+)$/.test(t)) n = Number(t.replace(/,/g, ''));
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Zips types, values and units by index; one unit applies to every value; no value is no measurement. Returns the measurements and the
 * problems (each a warning: the measurement is not published). */
export function zipMeasurements(types: LangMap[], values: string[], units: string[]): { measurements: Measurement[]; warnings: string[] } {
  const warnings: string[] = [];
  const measurements: Measurement[] = [];
  if (values.length === 0) return { measurements, warnings };
  if (types.length !== values.length) warnings.push(`${types.length} types for ${values.length} values: measurements are not paired, none published`);
  else if (units.length > 1 && units.length !== values.length)
    warnings.push(`${units.length} units for ${values.length} values: measurements are not paired, none published`);
  else
    values.forEach((text, i) => {
      const type = types[i]!;
      const unit = units.length === 1 ? units[0]! : units[i];
      const value = readNumber(text);
      if (value === undefined) warnings.push(`cannot read a number from "${text}": measurement not published`);
      else if (!unit) warnings.push(`no unit for the value "${text}": measurement not published`);
      else {
        const kind = measurementKind(type);
        measurements.push(kind ? { kind, value, unit } : { label: type, value, unit });
      }
    });
  return { measurements, warnings };
}

/** An acquisition year from "1901", an ISO date ("1901-05-03") or a year with a suffix ("1901 (purchase)");
 * undefined for anything else. */
export function readYear(text: string): number | undefined {
  const m = /^(\d{3,4})(?:$|[-/.\s(])/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}
