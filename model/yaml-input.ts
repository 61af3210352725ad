// Reading a curator's YAML file for a zod schema: syntax errors come back as text, never thrown, and schema
// issues are worded one way (`field.path: message`) by every reader of content/.
import fs from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parse as parseYaml, parseDocument } from 'yaml';

/** The parsed file, or the parser's message. */
export function readYamlFile(file: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYaml(fs.readFileSync(file, 'utf8')) as unknown };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** A schema issue as curators read it: the field's path (or "(root)") and the message. */
export const issueText = (issue: { path: PropertyKey[]; message: string }): string => `${issue.path.join('.') || '(root)'}: ${issue.message}`;

/** The 1-based line of a key path in a YAML file (the deepest part of it found), for `file:line:field` messages. */
export function yamlLine(file: string, keyPath: readonly (string | number)[]): number {
  try {
    const lc = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lc });
    let node: unknown = doc.contents;
    let offset = 0;
    for (const key of keyPath) {
      let at: { range?: readonly number[] | null } | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        at = pair?.key as typeof at;
        node = pair?.value;
      } else if (isSeq(node)) {
        node = node.items[Number(key)];
        at = node as typeof at;
      } else break;
      if (!at?.range) break;
      offset = at.range[0]!;
    }
    return lc.linePos(offset).line;
  } catch {
    return 0;
  }
}
