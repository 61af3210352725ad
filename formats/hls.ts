// Names the HLS master playlist shares between the video stage that writes it and the player that reads it.

/** The CHARACTERISTICS value marking an audio rendition that describes the video (audio description). */
export const DESCRIBES_VIDEO = 'public.accessibility.describes-video';

/** Ends the NAME of a described rendition: Chromium's native HLS lists every audio rendition as kind `main`,
 * so the player tells a described one by this name there. */
export const DESCRIBED_NAME_SUFFIX = ' (described)';
