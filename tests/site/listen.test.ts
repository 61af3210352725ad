// Read aloud's two pure parts: sentences with offsets in each page language, and the voice chosen for a page.
import { describe, expect, it } from 'vitest';
import { PARAGRAPH, sentences } from '../../site/components/listen/sentences.ts';
import { voiceFor } from '../../site/components/listen/voices.ts';
import { viewWords } from '../../site/components/panorama/spoken-view.ts';
import { angleBetween } from '../../site/lib/directions.ts';

describe('sentences', () => {
  it('splits Chinese at 。！？ with no space after them', () => {
    const text = '应县木塔建于辽代。它是现存最高的木构塔！塔高多少？';
    expect(sentences(text, 'zh-Hans').map((s) => s.text)).toEqual(['应县木塔建于辽代。', '它是现存最高的木构塔！', '塔高多少？']);
  });

  it('keeps French punctuation spaced before ! and ? inside its sentence', () => {
    const text = 'Une grotte scellée vers l’an 1000 ! Elle fut ouverte en 1900. Que contenait-elle ?';
    expect(sentences(text, 'fr').map((s) => s.text)).toEqual(['Une grotte scellée vers l’an 1000 !', 'Elle fut ouverte en 1900.', 'Que contenait-elle ?']);
  });

  it('gives offsets into the original text without the white space around a sentence, and folds line breaks', () => {
    const text = '  First line\n   goes on.   Second. ';
    const found = sentences(text, 'en');
    expect(found.map((s) => s.text)).toEqual(['First line goes on.', 'Second.']);
    for (const s of found) expect(text.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
  });

  it('ends a sentence at a paragraph end even without a full stop (list items, headings)', () => {
    expect(sentences(`Jade cong${PARAGRAPH}Liangzhu culture`, 'en').map((s) => s.text)).toEqual(['Jade cong', 'Liangzhu culture']);
  });

  it('finds nothing to say in white space', () => {
    expect(sentences(' \n ', 'en')).toEqual([]);
  });
});

const voice = (lang: string, name = lang, localService = true, isDefault = false) => ({ lang, name, localService, default: isDefault });

describe('voiceFor', () => {
  it('takes a voice of the page language, none when no voice speaks it', () => {
    const voices = [voice('en-US'), voice('fr-FR'), voice('de-DE')];
    expect(voiceFor(voices, 'fr')?.lang).toBe('fr-FR');
    expect(voiceFor(voices, 'en')?.lang).toBe('en-US');
    expect(voiceFor(voices, 'zh-Hans')).toBeUndefined();
    expect(voiceFor([], 'en')).toBeUndefined();
  });

  it('reads simplified Chinese with a mainland Mandarin voice before Taiwan, Cantonese last', () => {
    expect(voiceFor([voice('zh-HK'), voice('zh-TW'), voice('zh-CN')], 'zh-Hans')?.lang).toBe('zh-CN');
    expect(voiceFor([voice('zh-HK'), voice('zh-TW')], 'zh-Hans')?.lang).toBe('zh-TW');
    expect(voiceFor([voice('yue-HK'), voice('cmn-Hans-CN')], 'zh-Hans')?.lang).toBe('cmn-Hans-CN');
    expect(voiceFor([voice('zh_CN')], 'zh-Hans')?.lang).toBe('zh_CN');
  });

  it('prefers a voice on the device, then the system default', () => {
    const remote = voice('en-GB', 'Remote', false, true);
    const local = voice('en-US', 'Local', true, false);
    const localDefault = voice('en-AU', 'LocalDefault', true, true);
    expect(voiceFor([remote, local], 'en')?.name).toBe('Local');
    expect(voiceFor([remote, local, localDefault], 'en')?.name).toBe('LocalDefault');
  });
});

describe("the panorama's spoken view", () => {
  const data = {
    id: 'chamber',
    title: 'Chamber',
    label: 'Panorama viewer: Chamber',
    initialView: { yaw: 10, pitch: 0, zoom: 50 },
    variants: [],
    hotspots: [{ id: 'stele', yaw: -80, pitch: 5, label: 'the stele' }],
    spoken: {
      words: { ahead: 'ahead', right: 'to the right', left: 'to the left', up: 'up', aheadLeft: 'ahead, to the left' },
      separator: ', ',
      looking: 'Looking {{direction}}',
      lookingAt: 'Looking {{direction}}, at {{label}}',
    },
    tour: [],
  };

  it('names the direction from where the panorama opens, and a hotspot near the centre of the view', () => {
    expect(viewWords(data, 10, 0)).toBe('Looking ahead');
    expect(viewWords(data, 100, 40)).toBe('Looking to the right, up');
    // The stele lies 90° left of the opening view; 15° off it still names it, 25° off does not.
    expect(viewWords(data, -80, 5)).toBe('Looking to the left, at the stele');
    expect(viewWords(data, -65, 5)).toBe('Looking to the left, at the stele');
    expect(viewWords(data, -55, 5)).toBe('Looking ahead, to the left');
  });

  it('measures angles across the ±180° seam and towards the poles', () => {
    expect(angleBetween({ yaw: 175, pitch: 0 }, { yaw: -175, pitch: 0 })).toBeCloseTo(10);
    expect(angleBetween({ yaw: 0, pitch: 90 }, { yaw: 120, pitch: 90 })).toBeCloseTo(0);
  });
});
