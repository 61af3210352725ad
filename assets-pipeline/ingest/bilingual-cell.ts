// Mixed-script cells ("郭熙 Guo Xi"): Han text is the Chinese, the rest the English. A cell may list several
// values — one per line ("Gu An 顧安\nNi Zan 倪瓚"), or an English line and its Chinese line with a blank line
// between values ("Guo Xi\n郭熙\n\nWang You\n王友") — and is split into them only where the lines say so: a line
// whose scripts alternate ("Zhaozong emperor 宋高宗 Ma Hezhi 馬和之") could be one value or two, and is reported.
import type { LangMap } from '../../model/schema.ts';

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const LETTER = /[\p{L}\p{Script=Han}]/u;

/** Splits a mixed cell by script: Han segments form the Chinese text, the rest the English. */
export function splitBilingual(text: string): LangMap {
  const zh: string[] = [];
  const en: string[] = [];
  for (const seg of text.split(/\s+/).filter(Boolean)) (HAN.test(seg) ? zh : en).push(seg);
  const out: LangMap = {};
  if (zh.length) out.zh = zh.join('');
  if (en.length) out.en = en.join(' ');
  return out;
}

type Script = 'zh' | 'en';
/** A line's runs of words in one script: "Dunhuang 敦煌 (city)" is en, zh, en. */
function runs(line: string): { script: Script; text: string }[] {
  const out: { script: Script; text: string }[] = [];
  for (const word of line.split(/\s+/).filter(Boolean)) {
    const script: Script = HAN.test(word) ? 'zh' : 'en';
    const last = out.at(-1);
    if (last?.script === script) last.text += ` ${word}`;
    else out.push({ script, text: word });
  }
  return out;
}

/** One value per line is safe when the line has one run per script; a trailing qualifier in brackets after the
 * Chinese ("Dunhuang 敦煌 (city)") is part of the English. */
function oneValue(line: string): boolean {
  const r = runs(line);
  if (r.length <= 2) return true;
  return r.length === 3 && r[0]!.script === 'en' && /^\(.*\)$/.test(r[2]!.text);
}

export interface BilingualEntries {
  values: LangMap[];
  /** Why the cell could not be split safely (then `values` is the whole cell as one value, split by script). */
  unsafe?: string;
}

/** The values a mixed-script cell lists: see the top of this file. Lines without letters ("&") separate values. */
export function splitBilingualEntries(cell: string): BilingualEntries {
  const paragraphs = cell
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => LETTER.test(l)),
    )
    .filter((p) => p.length > 0);
  const values: LangMap[] = [];
  for (const lines of paragraphs) {
    const bad = lines.find((l) => !oneValue(l));
    if (bad) return { values: [splitBilingual(cell)], unsafe: `"${bad}" alternates scripts: one name or several?` };
    const single = lines.map((l) => runs(l).map((r) => r.script));
    const isPair = lines.length === 2 && single.every((s) => s.length === 1) && single[0]![0] !== single[1]![0];
    if (lines.length === 1 || isPair) values.push(splitBilingual(lines.join(' ')));
    else if (single.every((s) => s.length > 1)) values.push(...lines.map(splitBilingual));
    else return { values: [splitBilingual(cell)], unsafe: `the lines "${lines.join(' / ')}" pair no English with its Chinese` };
  }
  return { values };
}
