// Real catalogue datings in English, French and Chinese, each with the years the convention in dates.ts gives
// (centuries: Nth century = (N-1)00–(N-1)99; early/mid/late = thirds; halves and quarters as written).
import { describe, expect, it } from 'vitest';
import { readDate, readDateSpan } from '../../../assets-pipeline/ingest/dates.ts';

const years = (from: number | undefined, to: number | undefined) => ({ from, to });

const READABLE: [string, number | undefined, number | undefined][] = [
  ['1756', 1756, 1756],
  ['1736-1795', 1736, 1795],
  ['1736–1795', 1736, 1795],
  ['1851–2', 1851, 1852],
  ['1828–9', 1828, 1829],
  ['c.1830–41', 1830, 1841],
  ['c.1997-9', 1997, 1999],
  ['c. 1830', 1830, 1830],
  ['ca. 1700', 1700, 1700],
  ['circa 1650', 1650, 1650],
  ['vers 1780', 1780, 1780],
  ['约1780年', 1780, 1780],
  ['1851-52', 1851, 1852],
  ['1899–1901', 1899, 1901],
  ['1851-03-02', 1851, 1851],
  ['from 1810 to 1815', 1810, 1815],
  ['de 1810 à 1815', 1810, 1815],
  ['1736年至1795年', 1736, 1795],
  ['18th century', 1700, 1799],
  ['late 18th century', 1767, 1799],
  ['early 19th century', 1800, 1832],
  ['mid-19th century', 1833, 1866],
  ['first half of the 18th century', 1700, 1749],
  ['third quarter of the 19th century', 1850, 1874],
  ['18th–19th century', 1700, 1899],
  ['3rd century BCE', -300, -201],
  ['18e siècle', 1700, 1799],
  ['XVIIIe siècle', 1700, 1799],
  ['1ère moitié du XVIIIe siècle', 1700, 1749],
  ['1ère moitié du 18e siècle', 1700, 1749],
  ['seconde moitié du XIXe siècle', 1850, 1899],
  ['fin du XVIIe siècle', 1667, 1699],
  ['début du XXe siècle', 1900, 1932],
  ['dernier quart du XVIIIe siècle', 1775, 1799],
  ['IIIe siècle av. J.-C.', -300, -201],
  ['XVIIe-XVIIIe siècle', 1600, 1799],
  ['18世纪', 1700, 1799],
  ['十八世纪', 1700, 1799],
  ['18世纪上半叶', 1700, 1749],
  ['公元前3世纪', -300, -201],
  ['206 av. J.-C. – 220 ap. J.-C.', -206, 220],
  ['206 BCE – 220 CE', -206, 220],
  ['206 BC-AD 220', -206, 220],
  ['206 BCE - 220', -206, 220],
  ['221–206 BCE', -221, -206],
  ['公元前221年', -221, -221],
  ['公元前206年—公元220年', -206, 220],
  ['前206年', -206, -206],
  ['1850s', 1850, 1859],
  ['années 1850', 1850, 1859],
  ['before 1850', undefined, 1850],
  ['avant 1850', undefined, 1850],
  ['1850年以前', undefined, 1850],
  ['after 1850', 1850, undefined],
  ['après 1850', 1850, undefined],
  ['1850年以后', 1850, undefined],
];

describe('one date grammar for en, fr and zh', () => {
  it.each(READABLE)('%s', (text, from, to) => {
    const r = readDate(text);
    expect(r.kind).toBe('years');
    if (r.kind === 'years') expect(years(r.from, r.to)).toEqual(years(from, to));
  });

  it.each(['date not known', 'Date not known', 'undated', 'n.d.', 's.d.', 'sans date', 'non daté', '年代不详'])('%s → no date, no error', (t) => {
    expect(readDate(t)).toEqual({ kind: 'none' });
  });

  it.each(['Qing dynasty', 'spring', '1795-1736', '18e', 'about the time of the war', '1851–1', 'siècle'])('%s → unreadable, no year invented', (t) => {
    expect(readDate(t)).toEqual({ kind: 'unreadable' });
  });

  it('reads reign names only through the names it is given', () => {
    const named = (l: string) => (l === '乾隆' || l.toLowerCase() === 'qianlong' ? { from: 1736, to: 1795 } : undefined);
    expect(readDate('乾隆年间', named)).toMatchObject({ kind: 'years', from: 1736, to: 1795 });
    expect(readDate('Qianlong period', named)).toMatchObject({ kind: 'years', from: 1736, to: 1795 });
    expect(readDate('époque Qianlong', named)).toMatchObject({ kind: 'years', from: 1736, to: 1795 });
    expect(readDate('乾隆年间').kind).toBe('unreadable');
  });

  it('tells the language of worded datings and none for bare numbers', () => {
    expect(readDate('18e siècle')).toMatchObject({ lang: 'fr' });
    expect(readDate('late 18th century')).toMatchObject({ lang: 'en' });
    expect(readDate('18世纪')).toMatchObject({ lang: 'zh' });
    expect(readDate('1756')).not.toHaveProperty('lang');
  });

  it('reads years from a start and an end column', () => {
    expect(readDateSpan('1851', '1853')).toMatchObject({ from: 1851, to: 1853 });
    expect(readDateSpan('1851', '')).toMatchObject({ from: 1851, to: 1851 });
    expect(readDateSpan('-206', '220')).toMatchObject({ from: -206, to: 220 });
    expect(readDateSpan('1853', '1851').kind).toBe('unreadable');
    expect(readDateSpan('', '').kind).toBe('none');
  });
});
