// Loads a curator YAML file without ever throwing: encoding and syntax problems become Problems with lines,
// and the caller gets a way to find the line of any key path for its own checks.
import fs from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Problems } from './problems.ts';

export type KeyPath = (string | number)[];
export interface YamlFile {
  value: unknown;
  lineOf: (path: KeyPath) => number;
}

export function loadYaml(file: string, problems: Problems): YamlFile | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch {
    problems.add(file, 0, '-', 'not valid UTF-8: save the file as UTF-8');
    return undefined;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.add(file, e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line, '-', `YAML: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  const lineOf = (path: KeyPath): number => {
    let node: unknown = doc.contents;
    let line = 1;
    for (const key of path) {
      let next: unknown;
      let at: { range?: readonly number[] | null } | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        next = pair?.value;
        at = pair?.key as typeof at;
      } else if (isSeq(node)) {
        next = node.items[Number(key)];
        at = next as typeof at;
      }
      if (!at) break;
      if (at.range) line = lc.linePos(at.range[0]!).line;
      node = next;
    }
    return line;
  };
  return { value: doc.toJS() as unknown, lineOf };
}
