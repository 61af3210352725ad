// A reading aid for Chinese text on English and French pages: its Hanyu Pinyin, from pinyin-pro (a
// maintained dictionary-based converter that handles polyphonic characters by word). A romanization, not
// a translation: it is shown beside the Chinese, labelled, with lang="zh-Latn-pinyin".
import { pinyin } from 'pinyin-pro';
import type { Locale } from '../../model/locales.ts';
import type { TextPiece } from '../../model/text.ts';

const HAN = /\p{Script=Han}/u;
export const ROMANIZATION_LANG = 'zh-Latn-pinyin';

/** The pinyin of a Chinese fallback text on a non-Chinese page; undefined where no aid is needed. */
export function romanizationOf(piece: TextPiece | undefined, locale: Locale): string | undefined {
  if (!piece?.fallback || locale === 'zh' || !piece.lang?.startsWith('zh') || !HAN.test(piece.text)) return undefined;
  return pinyin(piece.text, { type: 'string', nonZh: 'consecutive' }).replace(/\s+/g, ' ').trim();
}
