// The visitor's caption style in the player (size and background), remembered in localStorage for every film.
// The player draws captions itself (DramaPlayer.tsx), so the choice is two data attributes drama.css reads.

export const CAPTION_STORAGE_KEY = 'heritage-captions';

/** In menu order (percent of the normal caption size). */
export const CAPTION_OPTIONS = {
  size: ['75', '100', '150', '200'],
  background: ['solid', 'translucent', 'none'],
} as const satisfies Record<string, readonly string[]>;

export type CaptionKey = keyof typeof CAPTION_OPTIONS;
export type CaptionSettings = { [K in CaptionKey]: (typeof CAPTION_OPTIONS)[K][number] };

export const CAPTION_DEFAULTS: CaptionSettings = { size: '100', background: 'solid' };

/** Known keys with known values only (a stored object from an older version or another hand), defaults for the rest. */
export function cleanCaptionSettings(input: unknown): CaptionSettings {
  const out: Record<string, string> = { ...CAPTION_DEFAULTS };
  if (input && typeof input === 'object')
    for (const key of Object.keys(CAPTION_OPTIONS) as CaptionKey[]) {
      const value = (input as Record<string, unknown>)[key];
      if (typeof value === 'string' && (CAPTION_OPTIONS[key] as readonly string[]).includes(value)) out[key] = value;
    }
  return out as CaptionSettings;
}

export function readCaptionSettings(): CaptionSettings {
  try {
    return cleanCaptionSettings(JSON.parse(localStorage.getItem(CAPTION_STORAGE_KEY) ?? '{}'));
  } catch {
    // Storage refused (private mode, blocked) or unreadable: the defaults.
    return { ...CAPTION_DEFAULTS };
  }
}

export function saveCaptionSettings(s: CaptionSettings): void {
  try {
    localStorage.setItem(CAPTION_STORAGE_KEY, JSON.stringify(s));
  } catch {
    // Not remembered, still applied for this page.
  }
}
