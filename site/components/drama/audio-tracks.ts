// Which rendition of the HLS audio group the player's audio menu means, in both playback paths: hls.js (tracks with
// the master playlist's LANGUAGE and CHARACTERISTICS) and native HLS (the media element's AudioTrackList, where an
// audio description is of kind `main-desc` or `descriptions`). A language may have two renditions, plain and described.

import { DESCRIBED_NAME_SUFFIX, DESCRIBES_VIDEO } from '../../../formats/hls.ts';

/** The audio menu's value for a rendition. */
export const audioId = (lang: string, describes: boolean): string => (describes ? `ad:${lang}` : lang);

export function parseAudioId(id: string): { lang: string; describes: boolean } {
  return id.startsWith('ad:') ? { lang: id.slice(3), describes: true } : { lang: id, describes: false };
}

interface HlsTrack {
  lang?: string;
  characteristics?: string;
}

/** The menu value of an hls.js audio track. */
export const hlsTrackId = (t: HlsTrack): string => audioId(t.lang ?? '', (t.characteristics ?? '').split(',').includes(DESCRIBES_VIDEO));

/** The index of the hls.js audio track the menu value names, or -1. */
export const hlsAudioIndex = (tracks: readonly HlsTrack[], id: string): number => tracks.findIndex((t) => hlsTrackId(t) === id);

/** Whether a native AudioTrack is the rendition the menu value names: by the description kinds of HTML where the
 * browser maps CHARACTERISTICS to them (Safari), else by the NAME the video stage gives described renditions. */
export function nativeAudioMatches(track: { language: string; kind: string; label?: string }, id: string): boolean {
  const want = parseAudioId(id);
  const describes = ['main-desc', 'descriptions'].includes(track.kind) || (track.label ?? '').endsWith(DESCRIBED_NAME_SUFFIX);
  return track.language === want.lang && describes === want.describes;
}
