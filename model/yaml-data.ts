// A YAML data file the platform itself relies on (a chronology, the search synonyms), read and checked in one
// step: a malformed one is an error naming the file and the field, thrown, since nothing sensible can follow.
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** The file's content as the schema reads it; throws `file: field.path: message` on the first problem. */
export function readYamlData<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
