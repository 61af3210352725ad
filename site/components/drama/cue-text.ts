// A subtitle cue's text as the caption and the transcript show it. The same on the server (the transcript rendered
// into the page) and in the browser (read from the track), so the page hydrates to the text it was served with.
import { spacedFor } from '../../i18n/french-spacing.ts';

/** The cue's words without WebVTT's markup (<i>, <v Speaker>), spaced as the track's language is set. */
export const cueText = (text: string, lang: string): string => spacedFor(lang, text.replace(/<[^>]*>/g, ''));
