// Build-time data for the drama pages: drama.yaml records plus what the video and subtitle stages published.
// A stage that has not run leaves its part out; the page then says so instead of failing the build.
import { readDramas, type Drama, type Episode } from '../../../model/drama.ts';
import { LOCALE_TAGS, type Locale } from '../../../model/locales.ts';
import { readVideoManifest, type EpisodeVideo } from '../../../formats/manifests/video.ts';
import { readEpisodeCues, readSubtitleManifest, type EpisodeSubtitles } from '../../../formats/manifests/subtitles.ts';
import { translator } from '../../i18n/index.ts';
import type { PlayerProps } from './player-types.ts';
import { defaultSubtitleFor } from './player-time.ts';
import { audioId } from './audio-tracks.ts';
import { cueText } from './cue-text.ts';
import { CAPTION_OPTIONS } from './caption-settings.ts';

export interface DramaView {
  drama: Drama;
  episodes: { episode: Episode; video?: EpisodeVideo; subtitles?: EpisodeSubtitles }[];
}

let cache: DramaView[] | undefined;

export function dramaViews(): DramaView[] {
  if (cache) return cache;
  const video = readVideoManifest();
  const subs = readSubtitleManifest();
  cache = readDramas().map(({ drama }) => ({
    drama,
    episodes: drama.episodes.map((episode) => ({
      episode,
      video: video?.dramas[drama.id]?.episodes[episode.id],
      subtitles: subs?.dramas[drama.id]?.episodes[episode.id],
    })),
  }));
  return cache;
}

export function languageName(tag: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([LOCALE_TAGS[locale]], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function dramaT(locale: Locale): (key: string, vars?: Record<string, unknown>) => string {
  const t = translator(locale);
  return (key, vars = {}) => t(key, { ns: 'drama', ...vars }) as string;
}

export function playerProps(view: DramaView, episodeId: string, locale: Locale, title: string): PlayerProps {
  const d = dramaT(locale);
  const ep = view.episodes.find((e) => e.episode.id === episodeId)!;
  const tracks = ep.subtitles?.tracks ?? [];
  const subtitles = tracks.map((s) => ({
    lang: s.lang,
    url: s.url,
    rtl: s.rtl,
    label: s.label?.[locale] ?? `${languageName(s.lang, locale)}${s.test ? ` (${d('player.testTrack')})` : ''}`,
  }));
  const audio = (ep.video?.audio ?? []).map((a) => ({
    id: audioId(a.lang, a.describes === true),
    lang: a.lang,
    describes: a.describes === true,
    label:
      a.label?.[locale] ??
      d(a.describes ? 'player.audioDescribed' : a.original ? 'player.audioOriginal' : 'player.audioDub', { lang: languageName(a.lang, locale) }),
  }));
  const defaultSubtitle = defaultSubtitleFor(
    locale,
    subtitles.map((s) => s.lang),
  );
  const cues = (readEpisodeCues(view.drama.id, episodeId)?.tracks.find((t) => t.lang === defaultSubtitle)?.cues ?? []).map((c) => ({
    ...c,
    text: cueText(c.text, defaultSubtitle),
  }));
  const original = ep.video?.audio.find((a) => a.original)?.lang ?? ep.episode.originalLanguage;
  return {
    hls: ep.video?.hls,
    mp4: ep.video?.mp4,
    poster: ep.video?.poster,
    spriteVtt: ep.video?.sprite.vtt,
    duration: ep.video?.duration ?? ('duration' in ep.episode.video ? ep.episode.video.duration : 0),
    subtitles,
    audio,
    defaultSubtitle,
    defaultAudio: audio.find((a) => !a.describes && (a.lang === locale || a.lang.startsWith(`${locale}-`)))?.id ?? audioId(original, false),
    transcript: cues,
    strings: {
      label: d('player.label', { title }),
      subtitles: d('player.subtitles'),
      subtitlesOff: d('player.subtitlesOff'),
      audio: d('player.audio'),
      audioMp4Only: d('player.audioMp4Only'),
      keys: d('player.keys'),
      transcript: d('transcript.title'),
      transcriptHint: d('transcript.hint'),
      seek: d('transcript.seek', { time: '{{time}}' }),
      captionSize: d('player.captionSize'),
      captionSizes: CAPTION_OPTIONS.size.map((v) => d(`player.captionSize.${v}`)),
      captionBackground: d('player.captionBackground'),
      captionBackgrounds: CAPTION_OPTIONS.background.map((v) => d(`player.captionBackground.${v}`)),
    },
  };
}
