// The player's transcript: one line per cue, a link that plays from that moment. Only the lines in view (and a few
// around them) are in the DOM, laid out by @tanstack/react-virtual (maintained, React 19, variable row heights):
// a 200,000-line list froze the page for 2.9 s, and even a 20,000-cue track (the subtitle stage's limit) made every
// change of the current line re-render 20,000 rows. Without JavaScript, EpisodePage.astro shows the whole list.
//
// Keyboard: the list is one tab stop (the current line, or the last one the visitor moved to); arrows, Page Up/Down,
// Home and End move between lines, Enter plays from one. Screen readers hear each line's place ("12 of 20,000") from
// aria-posinset/aria-setsize and the current line as aria-current when they reach it; nothing is announced as the
// film plays, so a line is read when the visitor goes to it, not every few seconds.
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { fill } from '../../i18n/fill.ts';
import { formatClock } from '../../../formats/film-time.ts';
import { timeParam } from '../../../formats/urls.ts';
import type { TranscriptCue } from './player-types.ts';

/** A one-line row (0.35em padding around a 1.5 line height); rows are measured once shown. */
const ROW_ESTIMATE_PX = 36;
/** The box's height before it is measured (22rem, drama.css), so the server and the first browser render agree. */
const BOX_PX = 352;
/** Seconds after the visitor scrolls or moves in the list during which it does not follow the film. */
const HOLD_MS = 4000;

interface Props {
  cues: readonly TranscriptCue[];
  /** Index of the current cue, or -1. */
  active: number;
  lang?: string;
  dir: 'ltr' | 'rtl';
  /** "Play from {{time}}" */
  seekLabel: string;
  onSeek: (seconds: number) => void;
}

export default function Transcript({ cues, active, lang, dir, seekLabel, onSeek }: Props) {
  const box = useRef<HTMLDivElement>(null);
  /** The line the visitor moved to with the keyboard; -1 while the tab stop follows the current line. */
  const [cursor, setCursor] = useState(-1);
  const focusNext = useRef(false);
  const held = useRef(0);
  const stop = Math.min(cursor >= 0 ? cursor : Math.max(active, 0), cues.length - 1);
  const rows = useVirtualizer({
    count: cues.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    initialRect: { width: 0, height: BOX_PX },
    // The tab stop and the current line are always rendered, so Tab reaches the list wherever it is scrolled.
    rangeExtractor: (range) => {
      const out = defaultRangeExtractor(range);
      for (const i of [stop, active]) if (i >= 0 && !out.includes(i)) out.push(i);
      return out.sort((a, b) => a - b);
    },
  });

  // A new track starts from its current line.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new cue list only.
  useEffect(() => setCursor(-1), [cues]);

  // Follow the film, unless the visitor is reading elsewhere in the list.
  useEffect(() => {
    if (active < 0 || Date.now() - held.current < HOLD_MS) return;
    rows.scrollToIndex(active, { align: 'center' });
  }, [active, rows]);

  useEffect(() => {
    if (!focusNext.current || cursor < 0) return;
    focusNext.current = false;
    box.current?.querySelector<HTMLElement>(`[data-index="${cursor}"] a`)?.focus({ preventScroll: true });
  });

  const hold = useCallback(() => {
    held.current = Date.now();
  }, []);

  const onKey = (e: KeyboardEvent<HTMLOListElement>) => {
    const page = Math.max(1, Math.floor((box.current?.clientHeight ?? BOX_PX) / ROW_ESTIMATE_PX) - 1);
    const moves: Record<string, number> = { ArrowDown: stop + 1, ArrowUp: stop - 1, PageDown: stop + page, PageUp: stop - page, Home: 0, End: cues.length - 1 };
    const to = moves[e.key];
    if (to === undefined || cues.length === 0) return;
    e.preventDefault();
    e.stopPropagation();
    hold();
    const next = Math.min(Math.max(0, to), cues.length - 1);
    focusNext.current = true;
    setCursor(next);
    rows.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div className="drama-transcript-box" ref={box} onWheel={hold} onTouchMove={hold} onPointerDown={hold}>
      <ol
        lang={lang}
        dir={dir}
        onKeyDown={onKey}
        // Leaving the list hands the tab stop back to the current line.
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setCursor(-1);
        }}
        style={{ height: rows.getTotalSize() }}
      >
        {rows.getVirtualItems().map((row) => {
          const c = cues[row.index]!;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={rows.measureElement}
              aria-posinset={row.index + 1}
              aria-setsize={cues.length}
              aria-current={row.index === active ? 'true' : undefined}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <a
                href={`?t=${timeParam(c.start)}`}
                data-start={c.start}
                tabIndex={row.index === stop ? 0 : -1}
                onClick={(e) => {
                  e.preventDefault();
                  setCursor(row.index);
                  onSeek(c.start);
                }}
                aria-label={`${fill(seekLabel, { time: formatClock(c.start) })}: ${c.text}`}
              >
                <time>{formatClock(c.start)}</time> <span>{c.text}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
