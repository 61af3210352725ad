// The gap between a text and what follows it on the line (a value after its label, a link after a sentence):
// a space, except after Chinese full-width punctuation (：。，…), which carries its own space. Apart from i18next,
// so browser code can use it.

/** Full-width punctuation: CJK symbols and the full-width forms. */
const FULL_WIDTH_END = /[\u3000-\u303f\uff00-\uffef]$/;

/** '' after full-width punctuation, else one space. */
export const gapAfter = (text: string): string => (FULL_WIDTH_END.test(text) ? '' : ' ');
