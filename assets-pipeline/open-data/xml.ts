// XML text escaping for the sitemap and OAI-PMH writers. Hand-written rather than xmlbuilder2: these files
// hold up to 150k records and are streamed as template strings, and escaping is the only part a builder adds.
// Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF) are dropped, since a curator's
// stray control character must not make a whole collection's file unparseable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `<name attrs>text</name>`, or nothing when the text is empty. */
export function el(name: string, text: string | undefined, attrs: Record<string, string> = {}): string {
  if (!text) return '';
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join('');
  return `<${name}${a}>${xmlEscape(text)}</${name}>`;
}
