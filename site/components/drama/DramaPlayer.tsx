// The drama player island. Server-rendered, it is a plain <video> with MP4 and native subtitle tracks, and the page
// lists the transcript as links (`?t=`), so it works without JavaScript. Hydrated, it switches to HLS (native where
// it can switch audio, else hls.js, loaded only when needed), draws captions itself (styling, `lang`, right-to-left), and shows the transcript
// (Transcript.tsx) following playback.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PlayerProps, TranscriptCue } from './player-types.ts';
import { activeCueIndex, startTimeFromSearch } from './player-time.ts';
import Transcript from './Transcript.tsx';
import { onLocaleLink } from '../common/locale-link.ts';
import { timeParam } from '../../../formats/urls.ts';
import { hlsAudioIndex, hlsTrackId, nativeAudioMatches } from './audio-tracks.ts';
import { cueText } from './cue-text.ts';
import {
  CAPTION_DEFAULTS,
  CAPTION_OPTIONS,
  type CaptionKey,
  type CaptionSettings,
  cleanCaptionSettings,
  readCaptionSettings,
  saveCaptionSettings,
} from './caption-settings.ts';

type HlsInstance = import('hls.js').default;

/** Seconds an embedded clip buffers before it is played: enough for its first frame (segments are 6 s). */
const CLIP_IDLE_BUFFER_S = 4;

export default function DramaPlayer(p: PlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const hls = useRef<HlsInstance | null>(null);
  const [subLang, setSubLang] = useState(p.defaultSubtitle);
  const [audioId, setAudioId] = useState(p.defaultAudio);
  const audioIdRef = useRef(audioId);
  // The rendition playing, as the playback path reports it (`en`, `ad:en`): what the menu asked for once it applies.
  const [audioPlaying, setAudioPlaying] = useState<string>();
  // Read after hydration: the server rendered the defaults, and a stored choice must not mismatch its markup.
  const [captionStyle, setCaptionStyle] = useState<CaptionSettings>(CAPTION_DEFAULTS);
  useEffect(() => setCaptionStyle(readCaptionSettings()), []);
  const changeCaptionStyle = (next: CaptionSettings) => {
    setCaptionStyle(next);
    saveCaptionSettings(next);
  };
  // The caption style menus, in CAPTION_OPTIONS' order, each with its label and its options' names.
  const captionMenus: { key: CaptionKey; label: string; names: string[] }[] = [
    { key: 'size', label: p.strings.captionSize, names: p.strings.captionSizes },
    { key: 'background', label: p.strings.captionBackground, names: p.strings.captionBackgrounds },
  ];
  const [hlsActive, setHlsActive] = useState(false);
  const [cues, setCues] = useState<TranscriptCue[]>(p.transcript);
  const [caption, setCaption] = useState('');
  const [active, setActive] = useState(-1);
  const track = p.subtitles.find((s) => s.lang === subLang);

  // Streaming source: native HLS (Safari, iOS), else hls.js where Media Source Extensions exist, else the MP4.
  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const start = p.clip ? p.clip.start : startTimeFromSearch(window.location.search, p.duration);
    let cancelled = false;
    let unseek: () => void = () => {};
    // Native HLS and the MP4 start at `?t=` by seeking once metadata is known. hls.js gets it as startPosition
    // only: seeking the element ourselves as well would start a second load racing hls.js's first fragments.
    const seekOnMetadata = () => {
      if (start === undefined) return;
      const seek = () => {
        if (Math.abs(v.currentTime - start) > 0.5) v.currentTime = start;
      };
      if (v.readyState >= 1) seek();
      v.addEventListener('loadedmetadata', seek, { once: true });
      unseek = () => v.removeEventListener('loadedmetadata', seek);
    };
    if (!p.hls) {
      seekOnMetadata();
      return unseek;
    }
    const hlsUrl = p.hls;
    // Native HLS only where the element can also switch audio renditions (AudioTrackList: Safari) or where hls.js
    // cannot run (no Media Source Extensions): Chromium plays HLS natively now but lists no audio tracks, so the
    // audio menu (dubs, audio description) would do nothing there.
    const nativeAudio = 'audioTracks' in v;
    const mse = typeof window.MediaSource === 'function' || 'ManagedMediaSource' in window;
    if (v.canPlayType('application/vnd.apple.mpegurl') && (nativeAudio || !mse || p.audio.length < 2)) {
      v.src = hlsUrl;
      setHlsActive(true);
      seekOnMetadata();
    } else {
      void import('hls.js').then(({ default: Hls }) => {
        if (cancelled) return;
        if (!Hls.isSupported()) {
          seekOnMetadata();
          return;
        }
        // An embedded clip buffers one segment until it is played. hls.js's default target is up to 600 s for a
        // low-bitrate stream (60 MB of it, capped by maxMaxBufferLength): the whole stand-in episode, every video
        // and audio fragment fetched and remuxed. A story page opens a player per step as the reader walks it, and
        // that work held the main thread the reader's next step switch needed. Played, it buffers as the episode
        // page does.
        const idle = { maxBufferLength: CLIP_IDLE_BUFFER_S, maxMaxBufferLength: CLIP_IDLE_BUFFER_S };
        const h = new Hls({ startPosition: start ?? -1, capLevelToPlayerSize: true, ...(p.clip ? idle : {}) });
        if (p.clip) {
          const { maxBufferLength, maxMaxBufferLength } = Hls.DefaultConfig;
          v.addEventListener('play', () => Object.assign(h.config, { maxBufferLength, maxMaxBufferLength }), { once: true });
        }
        hls.current = h;
        h.loadSource(hlsUrl);
        h.attachMedia(v);
        h.on(Hls.Events.AUDIO_TRACKS_UPDATED, () => {
          const i = hlsAudioIndex(h.audioTracks, audioIdRef.current);
          if (i >= 0 && h.audioTrack !== i) h.audioTrack = i;
        });
        h.on(Hls.Events.AUDIO_TRACK_SWITCHED, (_e, data) => {
          const t = h.audioTracks[data.id];
          if (t) setAudioPlaying(hlsTrackId(t));
        });
        setHlsActive(true);
      });
    }
    return () => {
      cancelled = true;
      unseek();
      hls.current?.destroy();
      hls.current = null;
    };
  }, [p.hls, p.duration, p.clip, p.audio.length]);

  // A clip stops at its end (the visitor may still play on, or seek anywhere in the episode).
  useEffect(() => {
    const v = video.current;
    const end = p.clip?.end;
    if (!v || end === undefined) return;
    let stopped = false;
    const onTime = () => {
      if (!stopped && v.currentTime >= end) {
        stopped = true;
        v.pause();
      }
    };
    v.addEventListener('timeupdate', onTime);
    return () => v.removeEventListener('timeupdate', onTime);
  }, [p.clip]);

  // Switching language keeps the moment being watched, once the visitor has watched or moved (else `?t=` as given).
  useEffect(
    () =>
      p.clip
        ? undefined
        : onLocaleLink((url) => {
            const v = video.current;
            if (!v || (v.played.length === 0 && v.currentTime === 0)) return;
            if (v.currentTime > 0) url.searchParams.set('t', timeParam(v.currentTime));
            else url.searchParams.delete('t');
          }),
    [p.clip],
  );

  useEffect(() => {
    audioIdRef.current = audioId;
    const h = hls.current;
    if (h) {
      const i = hlsAudioIndex(h.audioTracks, audioId);
      if (i >= 0 && h.audioTrack !== i) h.audioTrack = i;
      return;
    }
    // Native HLS exposes AudioTrackList (Safari); Chromium has it only behind a flag. Its tracks may arrive after
    // the menu's choice, so the choice is applied again when they change.
    type NativeTrack = { language: string; kind: string; label: string; enabled: boolean };
    const tracks = (video.current as (HTMLVideoElement & { audioTracks?: ArrayLike<NativeTrack> & EventTarget }) | null)?.audioTracks;
    if (!tracks) return;
    const apply = () => {
      const list = Array.from(tracks);
      const chosen = list.find((t) => nativeAudioMatches(t, audioId));
      // Enable the chosen one before disabling the rest, so the element is never left without audio.
      if (chosen) chosen.enabled = true;
      for (const t of list) if (t !== chosen) t.enabled = false;
      setAudioPlaying(chosen ? audioId : undefined);
    };
    apply();
    tracks.addEventListener('addtrack', apply);
    return () => tracks.removeEventListener('addtrack', apply);
  }, [audioId]);

  // Captions: the chosen track is `hidden` (cues load, the browser draws nothing) and we render its active cues.
  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const tt = Array.from(v.textTracks);
    let chosen: TextTrack | undefined;
    for (const t of tt) {
      if (t.kind !== 'subtitles') continue;
      if (t.language === subLang) {
        t.mode = 'hidden';
        chosen = t;
      } else t.mode = 'disabled';
    }
    setCaption('');
    if (!chosen) {
      setCues([]);
      return;
    }
    const t = chosen;
    const readCues = () => {
      const all = Array.from(t.cues ?? []) as VTTCue[];
      if (all.length) setCues(all.map((c) => ({ start: c.startTime, end: c.endTime, text: cueText(c.text, subLang) })));
      onCue();
    };
    const onCue = () => {
      const now = Array.from(t.activeCues ?? []) as VTTCue[];
      setCaption(now.map((c) => cueText(c.text, subLang)).join('\n'));
    };
    t.addEventListener('cuechange', onCue);
    const el = v.querySelector<HTMLTrackElement>(`track[srclang="${subLang}"]`);
    el?.addEventListener('load', readCues);
    readCues();
    return () => {
      t.removeEventListener('cuechange', onCue);
      el?.removeEventListener('load', readCues);
    };
  }, [subLang]);

  // Transcript follows playback.
  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const onTime = () => setActive(activeCueIndex(cues, v.currentTime));
    v.addEventListener('timeupdate', onTime);
    v.addEventListener('seeked', onTime);
    onTime();
    return () => {
      v.removeEventListener('timeupdate', onTime);
      v.removeEventListener('seeked', onTime);
    };
  }, [cues]);

  const seek = useCallback((t: number) => {
    const v = video.current;
    if (!v) return;
    v.currentTime = t;
    void v.play().catch(() => undefined);
  }, []);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (['SELECT', 'BUTTON', 'A', 'INPUT'].includes(target.tagName) && e.key !== 'c') return;
    const v = video.current;
    if (!v) return;
    if (e.key === ' ' || e.key === 'k') {
      e.preventDefault();
      if (v.paused) void v.play();
      else v.pause();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      v.currentTime = Math.max(0, v.currentTime - 5);
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      v.currentTime = Math.min(v.duration || p.duration, v.currentTime + 5);
    } else if (e.key === 'c') {
      const langs = ['off', ...p.subtitles.map((s) => s.lang)];
      setSubLang(langs[(langs.indexOf(subLang) + 1) % langs.length]!);
    }
  };

  const dir = track?.rtl ? 'rtl' : 'ltr';
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: player shortcuts (K, J, L) caught from the controls inside, which keep their own roles.
    <div className="drama-player" onKeyDown={onKey} data-caption-size={captionStyle.size} data-caption-background={captionStyle.background}>
      <div className="drama-stage">
        {/* biome-ignore lint/a11y/useMediaCaption: subtitle tracks are <track kind="subtitles"> below; the linter wants kind="captions". */}
        <video
          ref={video}
          controls
          playsInline
          preload="metadata"
          poster={p.poster}
          aria-label={p.strings.label}
          src={p.mp4}
          crossOrigin="anonymous"
          data-hls={hlsActive ? 'on' : 'off'}
          data-audio={audioPlaying}
        >
          {p.subtitles.map((s) => (
            <track key={s.lang} kind="subtitles" src={s.url} srcLang={s.lang} label={s.label} default={s.lang === p.defaultSubtitle} />
          ))}
          {p.spriteVtt && <track kind="metadata" label="thumbnails" src={p.spriteVtt} />}
        </video>
        <div className="drama-caption" aria-live="off" data-testid="caption">
          {caption && (
            <span lang={subLang} dir={dir}>
              {caption}
            </span>
          )}
        </div>
      </div>
      <div className="drama-controls">
        <label>
          {p.strings.subtitles}{' '}
          <select value={subLang} onChange={(e) => setSubLang(e.target.value)} name="subtitles">
            <option value="off">{p.strings.subtitlesOff}</option>
            {p.subtitles.map((s) => (
              <option key={s.lang} value={s.lang} lang={s.lang}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {p.audio.length > 1 && (
          <label>
            {p.strings.audio}{' '}
            <select
              value={audioId}
              onChange={(e) => setAudioId(e.target.value)}
              name="audio"
              disabled={!hlsActive}
              title={hlsActive ? undefined : p.strings.audioMp4Only}
            >
              {p.audio.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {captionMenus.map(({ key, label, names }) => (
          <label key={key}>
            {label}{' '}
            <select
              value={captionStyle[key]}
              onChange={(e) => changeCaptionStyle(cleanCaptionSettings({ ...captionStyle, [key]: e.target.value }))}
              name={`caption-${key}`}
            >
              {CAPTION_OPTIONS[key].map((v, i) => (
                <option key={v} value={v}>
                  {names[i]}
                </option>
              ))}
            </select>
          </label>
        ))}
        <p className="drama-keys">{p.strings.keys}</p>
      </div>
      {!p.clip && (
        <section className="drama-transcript" aria-labelledby="transcript-title">
          <h2 id="transcript-title">{p.strings.transcript}</h2>
          <p className="muted">{p.strings.transcriptHint}</p>
          <Transcript cues={cues} active={active} lang={subLang === 'off' ? undefined : subLang} dir={dir} seekLabel={p.strings.seek} onSeek={seek} />
        </section>
      )}
    </div>
  );
}
