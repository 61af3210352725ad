// The data the drama page hands to the player island: small (URLs and labels), so hydration stays cheap; the cues
// themselves come from the <track> files the browser loads anyway.
export interface TranscriptCue {
  start: number;
  end: number;
  text: string;
}

export interface PlayerSubtitle {
  lang: string;
  label: string;
  url: string;
  rtl: boolean;
}

export interface PlayerAudio {
  /** The menu's value: the language, or `ad:<lang>` for its described rendition. */
  id: string;
  lang: string;
  label: string;
  /** An audio-description rendition (HLS `public.accessibility.describes-video`). */
  describes: boolean;
}

export interface PlayerStrings {
  label: string;
  subtitles: string;
  subtitlesOff: string;
  audio: string;
  audioMp4Only: string;
  keys: string;
  transcript: string;
  transcriptHint: string;
  /** "Play from {{time}}" */
  seek: string;
  captionSize: string;
  /** Labels of `CAPTION_OPTIONS.size` values, in that order. */
  captionSizes: string[];
  captionBackground: string;
  captionBackgrounds: string[];
}

export interface PlayerProps {
  hls?: string;
  mp4?: string;
  poster?: string;
  spriteVtt?: string;
  duration: number;
  subtitles: PlayerSubtitle[];
  audio: PlayerAudio[];
  /** A subtitle language tag, or `off`. */
  defaultSubtitle: string;
  /** A `PlayerAudio.id`. */
  defaultAudio: string;
  /** The default track's cues, rendered on the server so the transcript exists without JavaScript. */
  transcript: TranscriptCue[];
  strings: PlayerStrings;
  /** Play only this part of the episode (seconds), embedded in another page (an exhibition step): it starts at
   * `start`, pauses at `end`, shows no transcript and leaves the page's URL alone. */
  clip?: { start: number; end: number };
}
