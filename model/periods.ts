// Chinese dynasties and periods with conventional year ranges (negative = BCE), used to derive a
// dynasty/period from a dated record when the source gives only years. Overlaps (e.g. Liao and Song) are
// resolved by the first match in this order, so the table lists the dynasty museums usually cite first.
import type { LangMap } from './schema.ts';

export interface Period {
  key: string;
  from: number;
  to: number;
  name: Required<LangMap>;
}

export const PERIODS: readonly Period[] = [
  { key: 'neolithic', from: -10000, to: -2071, name: { zh: '新石器时代', en: 'Neolithic period', fr: 'Néolithique' } },
  { key: 'xia', from: -2070, to: -1601, name: { zh: '夏', en: 'Xia dynasty', fr: 'dynastie Xia' } },
  { key: 'shang', from: -1600, to: -1047, name: { zh: '商', en: 'Shang dynasty', fr: 'dynastie Shang' } },
  { key: 'western-zhou', from: -1046, to: -772, name: { zh: '西周', en: 'Western Zhou', fr: 'Zhou de l’Ouest' } },
  { key: 'eastern-zhou', from: -771, to: -222, name: { zh: '东周', en: 'Eastern Zhou', fr: 'Zhou de l’Est' } },
  { key: 'qin', from: -221, to: -207, name: { zh: '秦', en: 'Qin dynasty', fr: 'dynastie Qin' } },
  { key: 'han', from: -206, to: 220, name: { zh: '汉', en: 'Han dynasty', fr: 'dynastie Han' } },
  { key: 'six-dynasties', from: 221, to: 580, name: { zh: '魏晋南北朝', en: 'Six Dynasties', fr: 'Six Dynasties' } },
  { key: 'sui', from: 581, to: 617, name: { zh: '隋', en: 'Sui dynasty', fr: 'dynastie Sui' } },
  { key: 'tang', from: 618, to: 906, name: { zh: '唐', en: 'Tang dynasty', fr: 'dynastie Tang' } },
  { key: 'five-dynasties', from: 907, to: 959, name: { zh: '五代', en: 'Five Dynasties', fr: 'Cinq Dynasties' } },
  { key: 'northern-song', from: 960, to: 1126, name: { zh: '北宋', en: 'Northern Song dynasty', fr: 'Song du Nord' } },
  { key: 'southern-song', from: 1127, to: 1278, name: { zh: '南宋', en: 'Southern Song dynasty', fr: 'Song du Sud' } },
  { key: 'yuan', from: 1279, to: 1367, name: { zh: '元', en: 'Yuan dynasty', fr: 'dynastie Yuan' } },
  { key: 'ming', from: 1368, to: 1643, name: { zh: '明', en: 'Ming dynasty', fr: 'dynastie Ming' } },
  { key: 'qing', from: 1644, to: 1911, name: { zh: '清', en: 'Qing dynasty', fr: 'dynastie Qing' } },
  { key: 'republic', from: 1912, to: 1949, name: { zh: '民国', en: 'Republic period', fr: 'période républicaine' } },
  { key: 'modern', from: 1950, to: 9999, name: { zh: '现代', en: 'Modern', fr: 'Époque moderne' } },
];

/** The period containing the start of a year range; a range spanning two periods is named by its start. */
export function periodForYears(from: number | undefined, to?: number): Period | undefined {
  const year = from ?? to;
  if (year === undefined) return undefined;
  return PERIODS.find((p) => year >= p.from && year <= p.to);
}
