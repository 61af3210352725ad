// opencc-js exposes its dictionaries through a "./*" export without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
