// The live page's script (an external module, as the Content-Security-Policy wants). It asks the stream host for
// the playlist: a live one plays (natively where the browser plays HLS, else through hls.js, fetched only then);
// otherwise the page counts down to the next slot of the schedule. A stream that ends (EXT-X-ENDLIST) or stops
// moving mid-play is announced in the status line, which then points to the recordings. It also writes each slot in
// the visitor's own time zone beside the venue's.
import { fill } from '../../i18n/fill.ts';
import { currentOrNext, localInstant, weeklyOccurrences } from '../../../model/live-schedule.ts';
import { countdown, rangeIn, zoneLabel } from './live-format.ts';
import type { LivePageData } from './live-data.ts';

type Hls = import('hls.js').default;

/** How long a playing stream may stand still before the page calls it stopped (segments here are 1–6 s). */
const STALL_MS = 10_000;
/** How often to ask again for a stream that is scheduled but not there yet. */
const RETRY_MS = 15_000;
const DAY_MS = 86_400_000;

const root = document.querySelector<HTMLElement>('[data-live]');
const json = root?.querySelector('script[type="application/json"]');
if (root && json) start(root, JSON.parse(json.textContent ?? '{}') as LivePageData);

function start(root: HTMLElement, data: LivePageData): void {
  const L = data.labels;
  const status = root.querySelector<HTMLElement>('[data-live-status]')!;
  const next = root.querySelector<HTMLElement>('[data-live-next]')!;
  const video = root.querySelector<HTMLVideoElement>('video[data-live-video]')!;
  const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  showYourTimes(root, data, visitorZone);

  let state = '';
  let hls: Hls | undefined;
  let retry: number | undefined;
  let watchdog: number | undefined;

  const say = (s: string, message: string, toArchive = false) => {
    state = s;
    root.dataset.state = s;
    if (s === 'live') next.hidden = true;
    const parts: Node[] = [document.createTextNode(message)];
    if (toArchive) {
      const a = document.createElement('a');
      a.href = '#live-archive';
      a.textContent = L.fallback ?? '';
      parts.push(document.createTextNode(' '), a);
    }
    status.replaceChildren(...parts);
  };

  // The countdown is visual only (it changes every second); the status line says once what is going on.
  const tick = () => {
    const now = Date.now();
    const slot = currentOrNext(data.schedule, data.timeZone, now);
    const playing = state === 'live';
    next.hidden = playing || !slot || slot.on;
    if (slot && !slot.on) {
      const when = rangeIn(data.tag, visitorZone, slot.occurrence.start, slot.occurrence.end, slot.occurrence.start - now < DAY_MS ? 'weekday' : 'date');
      next.textContent = fill(L.nextIn ?? '', { countdown: countdown(slot.occurrence.start - now, L.days ?? ''), when });
    }
    return slot;
  };

  const offAir = () => {
    const slot = tick();
    if (slot?.on) say('waiting', L.waiting ?? '');
    else say('off-air', slot ? (L.offAir ?? '') : (L.nothingScheduled ?? ''));
    // Ask again while a slot is on, and when the next one starts.
    const wait = slot?.on ? RETRY_MS : slot ? Math.min(slot.occurrence.start - Date.now() + 1000, 2 ** 31 - 1) : undefined;
    if (wait !== undefined) retry = window.setTimeout(probe, wait);
  };

  const stop = (s: 'ended' | 'stalled') => {
    if (state === 'ended' || state === 'stalled') return;
    window.clearInterval(watchdog);
    say(s, L[s] ?? '', true);
    root.querySelector('#live-archive')?.classList.add('live-fallback');
    tick();
  };

  const teardown = () => {
    hls?.destroy();
    hls = undefined;
    video.removeAttribute('src');
    video.load();
    video.hidden = true;
  };

  function probe(): void {
    window.clearTimeout(retry);
    fetch(data.stream, { cache: 'no-store' })
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '')
      .then((text) => (text.startsWith('#EXTM3U') && !text.includes('#EXT-X-ENDLIST') ? play() : offAir()));
  }

  function play(): void {
    video.hidden = false;
    let last = -1;
    let moved = Date.now();
    video.addEventListener('playing', () => say('live', L.live ?? ''), { once: true });
    video.addEventListener('ended', () => {
      stop('ended');
      teardown();
    });
    video.addEventListener('error', () => {
      stop('stalled');
      teardown();
    });
    watchdog = window.setInterval(() => {
      if (state !== 'live' || video.paused) {
        moved = Date.now();
        return;
      }
      if (video.currentTime !== last) {
        last = video.currentTime;
        moved = Date.now();
      } else if (Date.now() - moved > STALL_MS) {
        stop('stalled');
        teardown();
      }
    }, 1000);
    const autoplay = () => void video.play().catch(() => {});
    const nativeOrNothing = () => {
      if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.dataset.hls = 'native';
        video.src = data.stream;
        autoplay();
      } else {
        video.hidden = true;
        say('unsupported', L.noPlayer ?? '');
      }
    };
    // hls.js first wherever it can run, the browser's own HLS only where it cannot (hls.js's own advice; iOS without
    // Media Source): Chromium's own HLS player sometimes stopped advancing at the live edge of this sliding window,
    // while hls.js played it every time. The film player also plays through hls.js in Chromium.
    void import('hls.js').then(({ default: Hls }) => {
      if (!Hls.isSupported()) {
        nativeOrNothing();
        return;
      }
      const h = new Hls({ lowLatencyMode: false });
      hls = h;
      video.dataset.hls = 'hls.js';
      h.on(Hls.Events.LEVEL_UPDATED, (_e, { details }) => {
        // The playlist got EXT-X-ENDLIST: the broadcast is over; what is buffered still plays out.
        if (!details.live) stop('ended');
      });
      h.on(Hls.Events.ERROR, (_e, err) => {
        if (!err.fatal) return;
        stop('stalled');
        teardown();
      });
      h.loadSource(data.stream);
      h.attachMedia(video);
      h.on(Hls.Events.MANIFEST_PARSED, autoplay);
    }, nativeOrNothing);
  }

  tick();
  window.setInterval(() => {
    if (state !== 'live') tick();
  }, 1000);
  probe();
}

/** Fills the "your time" cells: each weekly slot's next occurrences and each event, in the visitor's zone. */
function showYourTimes(root: HTMLElement, data: LivePageData, zone: string): void {
  const now = Date.now();
  const yours = root.querySelector<HTMLElement>('[data-your-zone]');
  if (yours) {
    yours.textContent = fill(data.labels.yourZone ?? '', { zone: zoneLabel(data.tag, zone) });
    yours.hidden = false;
  }
  for (const cell of root.querySelectorAll<HTMLElement>('[data-yours]')) {
    const [kind, index] = (cell.dataset.yours ?? '').split(':');
    if (kind === 'w') {
      const slot = data.schedule.weekly[Number(index)];
      if (slot)
        cell.textContent = slot.days
          .map((day) => weeklyOccurrences({ ...slot, days: [day] }, data.timeZone, now, now + 8 * DAY_MS).find((o) => o.end > now))
          .filter((o) => o !== undefined)
          .sort((a, b) => a.start - b.start)
          .map((o) => rangeIn(data.tag, zone, o.start, o.end, 'weekday'))
          .join(data.tag.startsWith('zh') ? '，' : ', ');
    } else if (kind === 'e') {
      const e = data.schedule.events[Number(index)];
      if (e) cell.textContent = rangeIn(data.tag, zone, localInstant(data.timeZone, e.start), localInstant(data.timeZone, e.end), 'date');
    }
    cell.hidden = false;
  }
}
