// opencc-js exposes its dictionaries through a "./*" export without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
declare module 'snowball-stemmers' {
  export function newStemmer(language: string): { stem(word: string): string };
}
