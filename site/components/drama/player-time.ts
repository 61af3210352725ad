// Time helpers shared by the player island and the pages.

/** `?t=75.5`, `?t=1m15s` or `?t=1:15` → seconds, clamped to the episode; undefined when absent or unreadable. */
export function startTimeFromSearch(search: string, duration: number): number | undefined {
  const raw = new URLSearchParams(search).get('t');
  if (!raw) return undefined;
  let s: number;
  const hms = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(raw);
  if (/^\d+(\.\d+)?$/.test(raw)) s = Number(raw);
  else if (/^\d+(:\d{1,2}){1,2}(\.\d+)?$/.test(raw)) s = raw.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  else if (hms && raw) s = Number(hms[1] ?? 0) * 3600 + Number(hms[2] ?? 0) * 60 + Number(hms[3] ?? 0);
  else return undefined;
  if (!Number.isFinite(s)) return undefined;
  return Math.min(Math.max(0, s), Math.max(0, duration - 0.5));
}

/** The subtitle language a visitor of this UI locale sees first. */
export function defaultSubtitleFor(locale: string, available: readonly string[]): string {
  const prefs: Record<string, string[]> = { zh: ['zh-Hans', 'zh', 'zh-Hant'], en: ['en'], fr: ['fr'] };
  return (prefs[locale] ?? [locale]).find((l) => available.includes(l)) ?? available.find((l) => l.startsWith(locale)) ?? 'off';
}

/** The last cue that has started at `seconds` (cues sorted by start), or -1: a binary search, since it runs on every
 * `timeupdate` and a track may hold 20,000 cues. */
export function activeCueIndex(cues: readonly { start: number }[], seconds: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start <= seconds + 0.05) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
