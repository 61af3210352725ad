// Reading an asset manifest back: every manifest a stage writes is checked against its schema and version when
// read, so a file from an older build or a hand edit becomes an error naming the file and field instead of a
// silently wrong page.
import fs from 'node:fs';
import type { z } from 'zod';

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ManifestError';
  }
}

/** The checked manifest, or undefined when the file does not exist (its stage has not run yet). */
export function readManifest<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ManifestError(file, (err as Error).message);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(file, `not valid JSON (${(err as Error).message}); run its stage again`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const shown = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    const more = parsed.error.issues.length > 3 ? ` (+${parsed.error.issues.length - 3} more)` : '';
    throw new ManifestError(file, `${shown}${more}; run its stage again`);
  }
  // The file's own object, not zod's copy: the schemas have no transforms, and stages re-serialize parts of a
  // manifest (IIIF info, cue text) whose key order must stay the writer's.
  return raw as z.output<S>;
}

/** For a stage reading its own previous manifest: anything unreadable just means "nothing to reuse". */
export function readOwnManifest<S extends z.ZodType>(file: string, schema: S, log?: (line: string) => void): z.output<S> | undefined {
  try {
    return readManifest(file, schema);
  } catch (err) {
    log?.(`${(err as Error).message.replace(/; run its stage again$/, '')}: rebuilding it`);
    return undefined;
  }
}
