// Reading a curator's YAML file for a zod schema: syntax errors come back as text, never thrown, and schema
// issues are worded one way (`field.path: message`) by every reader of content/.
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';

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
