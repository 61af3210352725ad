// The coverage page's data: the very report `translations status --json` prints (one source), computed once
// per build process, and only by the part that renders the listings. Every part renders the fixed pages but
// only the listings part publishes them, and at 150k records the report reads every record.
import { buildPart } from '../../formats/pages/build-part.ts';
import { translationStatus, type TranslationStatus } from '../../formats/translations/status.ts';

let cached: Promise<TranslationStatus> | undefined;

export function coverageReport(): Promise<TranslationStatus> | undefined {
  if (!buildPart().listings) return undefined;
  cached ??= translationStatus();
  return cached;
}
