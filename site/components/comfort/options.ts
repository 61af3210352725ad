// The reading-comfort settings: each is a data attribute on <html> (`data-text-size`, `data-large`, …) that
// comfort.css reads, stored as one JSON object in localStorage. The first value of each is the default.
// site/public/comfort-init.js, which applies them before the first paint, keeps a copy of this table.

export const COMFORT_STORAGE_KEY = 'heritage-comfort';

export const COMFORT_OPTIONS = {
  textSize: ['100', '125', '150', '200'],
  large: ['off', 'on'],
  contrast: ['system', 'more', 'normal'],
  theme: ['system', 'light', 'dark'],
  motion: ['system', 'reduce', 'full'],
} as const satisfies Record<string, readonly string[]>;

export type ComfortKey = keyof typeof COMFORT_OPTIONS;
export type ComfortSettings = { [K in ComfortKey]?: (typeof COMFORT_OPTIONS)[K][number] };

export const COMFORT_KEYS = Object.keys(COMFORT_OPTIONS) as ComfortKey[];

/** Keeps only known keys with known values: what a stored object from an older version or another hand may hold. */
export function cleanSettings(input: unknown): ComfortSettings {
  const out: Record<string, string> = {};
  if (!input || typeof input !== 'object') return out;
  for (const key of COMFORT_KEYS) {
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === 'string' && (COMFORT_OPTIONS[key] as readonly string[]).includes(value)) out[key] = value;
  }
  return out as ComfortSettings;
}
