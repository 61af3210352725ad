// Every subtitle cue becomes a search document linking to its drama page at that moment (`?t=`).
// One document per cue time (the source-language cue), with the text of every track at that time, so a search
// in any language finds the same moment.
import { LOCALES, type Locale } from '../../model/locales.ts';
import { readDramas } from '../../model/drama.ts';
import { episodeUrl } from '../../formats/urls.ts';
import type { LangMap } from '../../model/schema.ts';
import { pickText } from '../../model/text.ts';
import { readEpisodeCues } from '../../formats/manifests/subtitles.ts';

/** Minimal search document shape; TODO conform to `SearchDoc` from assets-pipeline/search once it exists. */
export interface CueSearchDoc {
  id: string;
  type: 'cue';
  /** Drama title (and episode) per locale: the result's heading. */
  title: LangMap;
  /** Cue text per UI locale (zh from zh-Hans/zh-Hant tracks). */
  text: LangMap;
  /** Every track's text by BCP 47 tag, for engines that index more languages. */
  textByLang: Record<string, string>;
  url: Record<Locale, string>;
  drama: string;
  episode: string;
  /** Seconds from the start of the episode. */
  t: number;
}

/** Which subtitle tags feed each UI locale's text. */
const LOCALE_TRACKS: Record<Locale, readonly string[]> = { zh: ['zh-Hans', 'zh-Hant', 'zh'], en: ['en'], fr: ['fr'] };

export function* dramaCueDocs(): Generator<CueSearchDoc> {
  for (const { drama } of readDramas()) {
    for (const ep of drama.episodes) {
      const cues = readEpisodeCues(drama.id, ep.id);
      if (!cues) continue;
      const sourceLang = ep.sourceSubtitle ?? ep.originalLanguage;
      const source = cues.tracks.find((t) => t.lang === sourceLang) ?? cues.tracks[0];
      if (!source) continue;
      const title: LangMap = {};
      for (const l of LOCALES) {
        const t = pickText(drama.title, l);
        title[l] = drama.episodes.length > 1 ? `${t} · ${pickText(ep.title, l)}` : t;
      }
      for (const [i, c] of source.cues.entries()) {
        const mid = (c.start + c.end) / 2;
        const textByLang: Record<string, string> = {};
        for (const track of cues.tracks) {
          const hit = track.cues.find((x) => x.start <= mid && x.end >= mid);
          if (hit?.text) textByLang[track.lang] = hit.text;
        }
        const text: LangMap = {};
        for (const l of LOCALES) {
          const tag = LOCALE_TRACKS[l].find((tg) => textByLang[tg]);
          if (tag) text[l] = textByLang[tag]!;
        }
        if (Object.keys(text).length === 0) continue;
        yield {
          id: `cue:${drama.id}:${ep.id}:${i + 1}`,
          type: 'cue',
          title,
          text,
          textByLang,
          url: Object.fromEntries(LOCALES.map((l) => [l, episodeUrl(l, drama, ep.id, c.start)])) as Record<Locale, string>,
          drama: drama.id,
          episode: ep.id,
          t: Math.floor(c.start * 10) / 10,
        };
      }
    }
  }
}
