// The vocabulary as glossary, with Chinese written in traditional characters (the National Palace Museum's
// records) matched through its simplified form. Expected labels are the vocabulary's own (concepts.json).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaryTarget } from '../../../assets-pipeline/translations/glossary.ts';

const vocab = JSON.parse(fs.readFileSync('formats/vocabulary/concepts.json', 'utf8')) as Record<
  string,
  Record<string, Partial<Record<'zh' | 'en' | 'fr', string[]>>>
>;

describe('glossary', () => {
  it('fills a controlled value written in traditional characters as its simplified label would be', () => {
    expect(vocab.material!.bronze!.zh).toContain('青铜');
    expect(glossaryTarget('material', { zh: '青銅' }, 'en')).toBe(vocab.material!.bronze!.en![0]);
    expect(glossaryTarget('material', { zh: '青铜' }, 'en')).toBe(vocab.material!.bronze!.en![0]);
    expect(vocab.period!['warring-states']!.zh).toContain('战国');
    expect(glossaryTarget('period', { zh: '戰國' }, 'fr')).toBe(vocab.period!['warring-states']!.fr![0]);
    expect(glossaryTarget('period', { zh: '漢代' }, 'en')).toBe(vocab.period!.han!.en![0]);
  });

  it('still matches whole labels only, and only Chinese is folded', () => {
    expect(glossaryTarget('material', { zh: '青銅器皿' }, 'en')).toBeUndefined();
    expect(glossaryTarget('period', { en: '戰國' }, 'fr')).toBeUndefined();
  });
});
