import type { LiveSchedule } from '../../../model/live-schedule.ts';

/** What the live page hands its script (JSON in the page). */
export interface LivePageData {
  stream: string;
  timeZone: string;
  schedule: LiveSchedule;
  /** The page's BCP 47 language tag, for Intl. */
  tag: string;
  /** The `live` UI strings in the page's language. */
  labels: Record<string, string>;
}
