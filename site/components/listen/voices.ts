// Which of the browser's voices can read a language: the page's language tag against each voice's BCP 47 tag.
// Browsers report Chinese voices as zh-CN, zh-TW, zh-HK or cmn-Hans-CN; a page in zh-Hans takes a Mandarin voice
// for simplified script first, then any Chinese voice (Cantonese last: it reads the characters in another language).

export interface VoiceLike {
  lang: string;
  name: string;
  default: boolean;
  localService: boolean;
}

const SIMPLIFIED = /^(zh|cmn)(-hans)?(-(cn|sg))?$/;
const CANTONESE = /^(yue|zh-(hk|mo|yue))/;

function rank(voiceTag: string, pageTag: string): number {
  const v = voiceTag.toLowerCase().replace(/_/g, '-');
  const p = pageTag.toLowerCase();
  const primary = (tag: string) => (tag.split('-')[0] === 'cmn' || tag.split('-')[0] === 'yue' ? 'zh' : tag.split('-')[0]);
  if (primary(v) !== primary(p)) return 0;
  if (v === p) return 4;
  if (primary(p) === 'zh') {
    if (CANTONESE.test(v)) return 1;
    if (SIMPLIFIED.test(v) === SIMPLIFIED.test(p)) return 3;
    return 2;
  }
  return 3;
}

/** The best voice for a page language, or undefined when none speaks it. Local voices before network ones (the
 * page's text then never leaves the device), the system default among equals. */
export function voiceFor<V extends VoiceLike>(voices: readonly V[], pageTag: string): V | undefined {
  let best: V | undefined;
  let bestScore = 0;
  for (const v of voices) {
    const r = rank(v.lang, pageTag);
    if (r === 0) continue;
    const score = r * 4 + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [v, score];
  }
  return best;
}
