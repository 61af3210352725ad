// One date grammar for the catalogue forms museums export in English, French and Chinese. Each form is matched
// against the whole text: text that is not wholly one known form is "unreadable" (the caller warns and keeps the
// display text), so "18e siècle" can never become the year 18. Hand-written because the date libraries on npm
// (chrono-node, date-fns) read calendar dates, not catalogue datings (centuries and their parts, BCE, circa,
// short range ends such as 1828–9).
import type { Locale } from '../../model/locales.ts';

export type DateReading =
  /** `from`/`to` are inclusive years, negative for BCE; one may be missing ("before 1850"). */
  | { kind: 'years'; from?: number; to?: number; lang?: Locale }
  /** The source says it has no date ("date not known"): no date, and nothing to report. */
  | { kind: 'none' }
  | { kind: 'unreadable' };

/** Names with a year range (reigns, dynasties) the caller knows, keyed by their folded label. */
export type NamedRanges = (label: string) => { from: number; to: number } | undefined;

const NO_DATE =
  /^(?:(?:date )?(?:not known|unknown)|undated|no date|n\.\s?d\.?|nd|s\.\s?d\.?|sans date|non daté[e]?|date inconnue|inconnue?|年代不详|年代不詳|不详|不詳|未知|无年款|無年款)$/iu;

const CIRCA = /^(?:c\.|ca\.|c(?=\d)|circa|about|around|approx\.?|approximately|vers|env\.|environ|约|約|大约|大約)\s*/iu;
const CIRCA_AFTER = /\s*(?:\?|左右|前後|前后)$/u;

// Era marks. BCE: "BCE", "BC", "B.C.", "av. J.-C.", "avant J.-C.", "公元前"/"前" (prefix). CE: "CE", "AD", "ap. J.-C.", "公元".
const BCE_SUFFIX = String.raw`(?:b\.?\s?c\.?(?:\s?e\.?)?|av(?:\.|ant)\s?j\.?\s?-?\s?c\.?|av\.?\s?n\.?\s?è\.?)`;
const CE_SUFFIX = String.raw`(?:c\.?\s?e\.?|a\.?\s?d\.?|ap(?:\.|rès)\s?j\.?\s?-?\s?c\.?|de n\.?\s?è\.?)`;
const YEAR = String.raw`(公元前|前|公元|a\.?d\.?\s*)?(\d{1,4})\s*年?\s*(${BCE_SUFFIX}|${CE_SUFFIX})?`;
const SEP = String.raw`(?:\s*(?:-|–|—|‒|−|―|－|~|～|〜|/|至|到)\s*|\s+(?:to|à|au|until|and|et)\s+)`;
const RANGE = new RegExp(`^(?:from |de |between |entre |du )?${YEAR}(?:${SEP}${YEAR})?$`, 'iu');

interface YearPart {
  value: number;
  digits: number;
  era: 'bce' | 'ce' | undefined;
}

function yearPart(prefix: string | undefined, digits: string, suffix: string | undefined): YearPart {
  const bce = prefix === '公元前' || prefix === '前' || (suffix !== undefined && new RegExp(`^${BCE_SUFFIX}$`, 'iu').test(suffix));
  const ce = !bce && (prefix !== undefined || suffix !== undefined);
  return { value: Number(digits), digits: digits.length, era: bce ? 'bce' : ce ? 'ce' : undefined };
}

/** The language a dating is worded in; undefined for bare numbers and signs. */
export function textLang(text: string): Locale | undefined {
  if (/[\p{Script=Han}]/u.test(text)) return 'zh';
  if (/\b(?:av|ap|avant|après|vers|siècle|moitié|quart|début|milieu|fin|années|sans|entre|de|du|au|à)\b|J\.-C/iu.test(text)) return 'fr';
  if (/[a-z]/i.test(text)) return 'en';
  return undefined;
}

/** "1828–9" → 1829, "c.1830–41" → 1841: a shorter end replaces the start's last digits. */
function expandShortEnd(start: number, end: YearPart): number | undefined {
  const scale = 10 ** end.digits;
  const candidate = start - (start % scale) + end.value;
  return candidate > start ? candidate : undefined;
}

function readRange(text: string): DateReading | undefined {
  // An ISO date "1851-03-02" or month "1851-03" written with a hyphen is that year, not a range.
  const iso = /^(\d{4})-(0[1-9]|1[0-2])(?:-\d{2})?$/.exec(text);
  if (iso) return { kind: 'years', from: Number(iso[1]), to: Number(iso[1]) };
  if (/^[-−]\d{1,4}$/.test(text)) {
    const y = -Number(text.slice(1));
    return { kind: 'years', from: y, to: y };
  }
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const a = yearPart(m[1], m[2]!, m[3]);
  if (m[5] === undefined) {
    const y = a.era === 'bce' ? -a.value : a.value;
    return { kind: 'years', from: y, to: y };
  }
  const b = yearPart(m[4], m[5], m[6]);
  // "221–206 BCE": an era written only at the end covers the start too.
  const aBce = a.era === 'bce' || (a.era === undefined && b.era === 'bce');
  const from = aBce ? -a.value : a.value;
  let to: number | undefined;
  if (b.era === 'bce') to = -b.value;
  else if (b.era === undefined && a.era === undefined && b.digits < a.digits) to = expandShortEnd(a.value, b);
  else to = b.value;
  if (to === undefined || from > to) return { kind: 'unreadable' };
  return { kind: 'years', from, to };
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(s: string): number | undefined {
  if (!/^[ivxlc]+$/i.test(s)) return undefined;
  let total = 0;
  const chars = s.toLowerCase();
  for (let i = 0; i < chars.length; i++) {
    const v = ROMAN[chars[i]!]!;
    const next = ROMAN[chars[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const HAN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function hanNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || !s) return undefined;
  if (!m[2]) return m[3] || !m[1] ? undefined : HAN_DIGITS[m[1]];
  return (m[1] ? HAN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? HAN_DIGITS[m[3]]! : 0);
}

/** Part of a century as [first, last] year offsets within it. Thirds for early/mid/late, the halves and
 * quarters as written: the convention stated here is the whole of what the importer assumes. */
const PARTS: [RegExp, [number, number]][] = [
  [/^(?:first half of(?: the)?|1(?:ère|re|ere) moitié du|première moitié du|premiere moitie du|上半叶|上半葉|前半)$/iu, [0, 49]],
  [/^(?:second half of(?: the)?|2(?:e|nde|ème) moitié du|seconde moitié du|deuxième moitié du|下半叶|下半葉|后半|後半)$/iu, [50, 99]],
  [/^(?:first quarter of(?: the)?|1er quart du|premier quart du)$/iu, [0, 24]],
  [/^(?:second quarter of(?: the)?|2e quart du|deuxième quart du|second quart du)$/iu, [25, 49]],
  [/^(?:third quarter of(?: the)?|3e quart du|troisième quart du)$/iu, [50, 74]],
  [/^(?:(?:fourth|last) quarter of(?: the)?|4e quart du|quatrième quart du|dernier quart du)$/iu, [75, 99]],
  [/^(?:early|début du|debut du|初|初期|前期|早期)$/iu, [0, 32]],
  [/^(?:mid|mid-|middle of(?: the)?|milieu du|中|中期|中叶|中葉)$/iu, [33, 66]],
  [/^(?:late|end of(?: the)?|fin du|末|末期|晚期|后期|後期)$/iu, [67, 99]],
];

function partRange(part: string | undefined): [number, number] | undefined {
  if (!part) return [0, 99];
  const p = part.trim().replace(/\s+/g, ' ');
  return PARTS.find(([re]) => re.test(p))?.[1];
}

function centuryYears(c: number, bce: boolean, part: [number, number]): { from: number; to: number } {
  const base = bce ? -c * 100 : (c - 1) * 100;
  return { from: base + part[0], to: base + part[1] };
}

const EN_CENTURY = new RegExp(
  String.raw`^(?:the )?(?:(.+?)\s+(?:the )?)?(\d{1,2})(?:st|nd|rd|th)(?:\s*[-–—]\s*(\d{1,2})(?:st|nd|rd|th))?\s+(?:century|c\.|cent\.?)(?:\s*(${BCE_SUFFIX}|${CE_SUFFIX}))?$`,
  'iu',
);
const FR_CENTURY = new RegExp(
  String.raw`^(?:(.+?)\s+)?([ivxlc]+|\d{1,2})(?:e|ème|eme|er|ère|re)?(?:\s*[-–—]\s*([ivxlc]+|\d{1,2})(?:e|ème|eme|er|ère|re)?)?\s+(?:siècle|siecle|s\.)(?:\s*(${BCE_SUFFIX}|${CE_SUFFIX}))?$`,
  'iu',
);
const ZH_CENTURY = /^(公元前|公元)?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*[-–—至到]\s*(\d{1,2}|[一二三四五六七八九十]{1,3}))?\s*世[纪紀](.*)$/u;

function readCentury(raw: string): DateReading | undefined {
  const text = raw.replace(/^mid-/i, 'mid ');
  let m = EN_CENTURY.exec(text) ?? FR_CENTURY.exec(text);
  if (m) {
    const first = /^\d+$/.test(m[2]!) ? Number(m[2]) : romanValue(m[2]!);
    const last = m[3] === undefined ? first : /^\d+$/.test(m[3]) ? Number(m[3]) : romanValue(m[3]);
    const part = partRange(m[1]);
    if (!first || !last || !part || first > last) return { kind: 'unreadable' };
    const bce = m[4] !== undefined && new RegExp(`^${BCE_SUFFIX}$`, 'iu').test(m[4]);
    // Parts apply to the single century they name; a span of centuries runs from the first to the last.
    const a = centuryYears(bce ? last : first, bce, m[3] === undefined ? part : [0, 99]);
    const b = centuryYears(bce ? first : last, bce, m[3] === undefined ? part : [0, 99]);
    return { kind: 'years', from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
  }
  m = ZH_CENTURY.exec(text);
  if (m) {
    const first = hanNumber(m[2]!);
    const last = m[3] === undefined ? first : hanNumber(m[3]);
    const part = partRange(m[4]?.trim() || undefined);
    if (!first || !last || !part || first > last) return { kind: 'unreadable' };
    const bce = m[1] === '公元前';
    const a = centuryYears(bce ? last : first, bce, m[3] === undefined ? part : [0, 99]);
    const b = centuryYears(bce ? first : last, bce, m[3] === undefined ? part : [0, 99]);
    return { kind: 'years', from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
  }
  return undefined;
}

function readDecade(text: string): DateReading | undefined {
  const m = /^(?:the |les |années |annees )?(\d{3}0)(?:s|'s|年代)$/iu.exec(text) ?? /^années (\d{3}0)$/iu.exec(text);
  if (!m) return undefined;
  const d = Number(m[1]);
  return { kind: 'years', from: d, to: d + 9 };
}

function readBound(text: string): DateReading | undefined {
  const before = /^(?:before|by|not after|avant|pas après)\s+(.+)$/iu.exec(text) ?? /^(.+?)(?:以前|之前)$/u.exec(text);
  const after = /^(?:after|not before|après|apres|pas avant)\s+(.+)$/iu.exec(text) ?? /^(.+?)(?:以后|以後|之后|之後)$/u.exec(text);
  const m = before ?? after;
  if (!m) return undefined;
  const r = readRange(m[1]!.trim());
  if (r?.kind !== 'years' || r.from !== r.to) return undefined;
  return before ? { kind: 'years', to: r.to } : { kind: 'years', from: r.from };
}

// Readings per text, for each set of names: an export repeats its dating forms ("19th century", "c. 1850") across
// thousands of rows, and the grammar's large patterns were a tenth of the importer's time per row. Bounded, so a
// file of all-different texts costs one clear now and then rather than memory.
const readings = new WeakMap<NamedRanges | typeof readDate, Map<string, DateReading>>();
const MAX_READINGS = 50_000;

/** Reads one dating text. `named` resolves reign and dynasty names ("Qianlong", "乾隆年间"). The reading is shared
 * between calls with the same text: frozen, never to be changed. */
export function readDate(raw: string, named?: NamedRanges): DateReading {
  let memo = readings.get(named ?? readDate);
  if (!memo) readings.set(named ?? readDate, (memo = new Map()));
  let reading = memo.get(raw);
  if (!reading) {
    if (memo.size >= MAX_READINGS) memo.clear();
    memo.set(raw, (reading = Object.freeze(readDateText(raw, named))));
  }
  return reading;
}

function readDateText(raw: string, named?: NamedRanges): DateReading {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return { kind: 'none' };
  if (NO_DATE.test(text.replace(/[[\]()]/g, ''))) return { kind: 'none' };
  const lang = textLang(text);
  const core = text.replace(CIRCA, '').replace(CIRCA_AFTER, '').trim();
  const reading = readCentury(core) ??
    readDecade(core) ??
    readBound(core) ??
    readRange(core) ??
    (named ? namedReading(core, named) : undefined) ?? { kind: 'unreadable' as const };
  if (reading.kind === 'years' && lang) return { ...reading, lang };
  return reading;
}

function namedReading(text: string, named: NamedRanges): DateReading | undefined {
  const bare = text
    .replace(/(?:年间|年間|时期|時期|期间|期間|年|朝|代)$/u, '')
    .replace(/\s+(?:period|reign|era|dynasty)$/iu, '')
    .replace(/^(?:époque|epoque|règne de|regne de|période|periode|ère|dynastie)\s+/iu, '')
    .trim();
  const hit = named(bare) ?? named(text);
  return hit ? { kind: 'years', ...hit } : undefined;
}

/** Years from a start and an end cell, each read with the same grammar; a missing end means the start alone. */
export function readDateSpan(start: string | undefined, end: string | undefined, named?: NamedRanges): DateReading {
  const a = start ? readDate(start, named) : ({ kind: 'none' } as DateReading);
  const b = end ? readDate(end, named) : ({ kind: 'none' } as DateReading);
  if (a.kind === 'unreadable' || b.kind === 'unreadable') return { kind: 'unreadable' };
  if (a.kind === 'none' && b.kind === 'none') return { kind: 'none' };
  const from = a.kind === 'years' ? (a.from ?? a.to) : undefined;
  const to = b.kind === 'years' ? (b.to ?? b.from) : a.kind === 'years' ? (a.to ?? a.from) : undefined;
  if (from !== undefined && to !== undefined && from > to) return { kind: 'unreadable' };
  return { kind: 'years', ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}
