// The player's audio menu and caption style, without a browser: which HLS rendition a menu value names in hls.js's
// and the native track lists (a language may have a plain and a described rendition), and what a stored caption
// style may hold.
import { describe, expect, it } from 'vitest';
import { audioId, hlsAudioIndex, nativeAudioMatches } from '../../site/components/drama/audio-tracks.ts';
import { CAPTION_DEFAULTS, cleanCaptionSettings } from '../../site/components/drama/caption-settings.ts';

// As hls.js lists the master playlist the video stage writes: original English, French dub, described English.
const hlsTracks = [
  { lang: 'en' },
  { lang: 'fr' },
  { lang: 'en', characteristics: 'public.accessibility.describes-video' },
  { lang: 'fr', characteristics: 'public.accessibility.transcribes-spoken-dialog,public.accessibility.describes-video' },
];

describe('audio renditions', () => {
  it('tells a language from its described rendition in hls.js', () => {
    expect(hlsAudioIndex(hlsTracks, audioId('en', false))).toBe(0);
    expect(hlsAudioIndex(hlsTracks, audioId('fr', false))).toBe(1);
    expect(hlsAudioIndex(hlsTracks, audioId('en', true))).toBe(2);
    expect(hlsAudioIndex(hlsTracks, audioId('fr', true))).toBe(3);
    expect(hlsAudioIndex(hlsTracks, audioId('de', false))).toBe(-1);
  });

  it('matches native audio tracks by language and the description kinds of HTML', () => {
    expect(nativeAudioMatches({ language: 'en', kind: 'main' }, 'en')).toBe(true);
    expect(nativeAudioMatches({ language: 'en', kind: 'main-desc' }, 'en')).toBe(false);
    expect(nativeAudioMatches({ language: 'en', kind: 'main-desc' }, 'ad:en')).toBe(true);
    expect(nativeAudioMatches({ language: 'en', kind: 'descriptions' }, 'ad:en')).toBe(true);
    expect(nativeAudioMatches({ language: 'fr', kind: 'main-desc' }, 'ad:en')).toBe(false);
    // Chromium lists every rendition as `main`, labelled with its NAME from the master playlist.
    expect(nativeAudioMatches({ language: 'fr', kind: 'main', label: 'fr (described)' }, 'ad:fr')).toBe(true);
    expect(nativeAudioMatches({ language: 'fr', kind: 'main', label: 'fr (described)' }, 'fr')).toBe(false);
    expect(nativeAudioMatches({ language: 'fr', kind: 'main', label: 'fr (dub)' }, 'fr')).toBe(true);
  });
});

describe('caption style', () => {
  it('keeps known values and falls back to the defaults for anything else', () => {
    expect(cleanCaptionSettings({ size: '200', background: 'none' })).toEqual({ size: '200', background: 'none' });
    expect(cleanCaptionSettings({ size: '300', background: 7, extra: 'x' })).toEqual(CAPTION_DEFAULTS);
    expect(cleanCaptionSettings(null)).toEqual({ size: '100', background: 'solid' });
  });
});
