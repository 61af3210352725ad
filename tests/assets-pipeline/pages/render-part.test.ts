// A page part that fails names Astro's error: the message line of what Astro's own formatter prints when a build
// fails (after any warnings, before its hint, location and stack trace blocks).
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { describe, expect, it } from 'vitest';
import { astroError } from '../../../assets-pipeline/pages/render-part.ts';
import { ROOT } from '../../../model/paths.ts';

// Astro's CLI prints a failed build with this function (cli/throw-and-exit.ts); the package does not export it.
const { formatErrorMessage } = (await import(path.join(ROOT, 'node_modules/astro/dist/core/messages/runtime.js'))) as {
  formatErrorMessage: (err: Error, full: boolean) => string;
};

describe("a failed page part's message", () => {
  it('is the message of an error thrown while rendering, not a warning before it nor its stack', () => {
    const err = new Error('/srv/build/records/collections.json is missing: run `npm run heritage -- ingest` first');
    const stderr = `[WARN] [vite] Some chunks are larger than 4096 kB\n${formatErrorMessage(err, true)}\n`;
    expect(astroError(stderr)).toBe(err.message);
  });

  it("is Astro's own error line, named, with its hint left out", () => {
    const err = new AstroError('Could not render `/en/artifacts/T-1/`.', 'Check the record.');
    const line = astroError(formatErrorMessage(err, true));
    expect(line).toMatch(/^\[AstroUserError\] Could not render `?\/en\/artifacts\/T-1\/`?\.$/);
  });

  it('is the last line when Astro printed no formatted error', () => {
    expect(astroError('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n')).toMatch(/heap out of memory$/);
  });
});
