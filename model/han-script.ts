// Chinese pages are in simplified characters, while records from Taiwan and Hong Kong (the National Palace
// Museum's among them) are written in traditional ones. OpenCC's tables, the ones Chinese platforms use, give
// the simplified text to show beside the original. They convert phrase by phrase, so words whose characters
// map differently in context (乾隆 stays 乾隆, not 干隆) come out right where a character table would not.
import * as OpenCC from 'opencc-js';

let convert: ((text: string) => string) | undefined;

/** The text in simplified characters, or undefined when it has nothing to convert (already simplified, or not
 * Chinese). */
export function simplifiedHan(text: string): string | undefined {
  convert ??= OpenCC.Converter({ from: 't', to: 'cn' });
  const out = convert(text);
  return out === text ? undefined : out;
}
