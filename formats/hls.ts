// Names the HLS master playlist shares between the video stage that writes it and the player that reads it.

/** The CHARACTERISTICS value marking an audio rendition that describes the video (audio description). */
export const DESCRIBES_VIDEO = 'public.accessibility.describes-video';
