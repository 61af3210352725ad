// Sentences of a text with their offsets, for reading aloud one sentence at a time and marking the one being read.
// Intl.Segmenter knows each language's sentence ends (「。」「！」 with no space after them in Chinese, « ! » after a
// space in French), which a punctuation regex would get wrong.

export interface Sentence {
  /** The sentence as spoken: runs of white space (line breaks in the page's source) made one space. */
  text: string;
  /** Where it starts and ends in the text it came from, without the white space around it. */
  start: number;
  end: number;
}

/** Ends a paragraph: a sentence ends there even without a full stop (a heading, a list item). */
export const PARAGRAPH = '\u2029';

export function sentences(text: string, lang: string): Sentence[] {
  const out: Sentence[] = [];
  // Line breaks in a page's text are its source's line wrapping, not sentence ends: the segmenter sees them as
  // spaces (one for one, so the offsets still count through the original).
  const flat = text.replace(/[^\S\u2029]/g, ' ');
  for (const { segment, index } of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(flat)) {
    const lead = segment.length - segment.trimStart().length;
    const spoken = segment.trim().replace(/\s+/g, ' ');
    if (spoken) out.push({ text: spoken, start: index + lead, end: index + lead + segment.trim().length });
  }
  return out;
}
