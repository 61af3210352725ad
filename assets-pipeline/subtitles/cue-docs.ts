// Every subtitle cue becomes a search document linking to its drama page at that moment (`?t=`).
// One document per cue time (the source-language cue), with the text of every track at that time, so a search
// in any language finds the same moment. The hit shows the line itself, then the film and the time.
import { LOCALES, type Locale } from '../../model/locales.ts';
import { readDramas } from '../../model/drama.ts';
import { formatClock } from '../../formats/film-time.ts';
import { episodePath } from '../../formats/urls.ts';
import type { LangMap } from '../../model/schema.ts';
import { pickText } from '../../model/text.ts';
import { readEpisodeCues } from '../../formats/manifests/subtitles.ts';
import type { SearchDoc } from '../search/doc.ts';

/** Which subtitle tags feed each UI locale's text. */
const LOCALE_TRACKS: Record<Locale, readonly string[]> = { zh: ['zh-Hans', 'zh-Hant', 'zh'], en: ['en'], fr: ['fr'] };

export function* dramaCueDocs(): Generator<SearchDoc> {
  for (const { drama } of readDramas()) {
    for (const ep of drama.episodes) {
      const cues = readEpisodeCues(drama.id, ep.id);
      if (!cues) continue;
      const sourceLang = ep.sourceSubtitle ?? ep.originalLanguage;
      const source = cues.tracks.find((t) => t.lang === sourceLang) ?? cues.tracks[0];
      if (!source) continue;
      const film: Partial<Record<Locale, string>> = {};
      for (const l of LOCALES) {
        const t = pickText(drama.title, l);
        film[l] = drama.episodes.length > 1 ? `${t} · ${pickText(ep.title, l)}` : t;
      }
      for (const [i, c] of source.cues.entries()) {
        const mid = (c.start + c.end) / 2;
        const textByLang: Record<string, string> = {};
        for (const track of cues.tracks) {
          const hit = track.cues.find((x) => x.start <= mid && x.end >= mid);
          if (hit?.text) textByLang[track.lang] = hit.text;
        }
        const line: LangMap = {};
        for (const l of LOCALES) {
          const tag = LOCALE_TRACKS[l].find((tg) => textByLang[tg]);
          if (tag) line[l] = textByLang[tag]!.replace(/\s*\n\s*/g, ' ');
        }
        if (Object.keys(line).length === 0) continue;
        const at = formatClock(c.start);
        const subtitle: LangMap = {};
        for (const l of LOCALES) subtitle[l] = `${film[l]} · ${at}`;
        yield {
          type: 'cue',
          id: `cue:${drama.id}:${ep.id}:${i + 1}`,
          href: episodePath(drama, ep.id, c.start).slice(1),
          title: line,
          subtitle,
          facets: {},
        };
      }
    }
  }
}
