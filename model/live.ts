// A live view: `content/live/<slug>.yaml` names an HLS live stream, when it is on (weekly slots and dated events in
// the venue's own time zone) and earlier recordings to watch when it is not. The recordings are drama episodes (or
// a clip of one) already published by the video stage, so a live view brings no second encoder. The validator,
// the pages and the tests read this one shape; the schedule arithmetic is in live-schedule.ts.
import fs from 'node:fs';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { minutesOf, WEEKDAYS } from './live-schedule.ts';
import { baseRecord, slug } from './schema.ts';
import { triLang } from './scene.ts';
import { readTypeRecords, typeRecordsFile } from './store.ts';

/** Hosts a plain-http stream may use: this machine only (the demo and the tests), never the network. */
const LOOPBACK = /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/;

/** The stream's playlist: https anywhere, or http on a loopback address. */
export const streamUrl = z.string().superRefine((raw, ctx) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a URL` });
    return;
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname))
    ctx.addIssue({ code: 'custom', message: `http is only allowed on a loopback address (127.0.0.1, [::1], localhost): use https for ${url.host}` });
  else if (url.protocol !== 'https:' && url.protocol !== 'http:')
    ctx.addIssue({ code: 'custom', message: `the stream must be an https URL (or http on a loopback address), not ${url.protocol}` });
  if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'the stream URL must not carry a user name or password' });
  if (!/\.m3u8$/i.test(url.pathname)) ctx.addIssue({ code: 'custom', message: 'the stream must be an HLS playlist (a path ending in .m3u8)' });
});

/** The origin a page must be allowed to fetch the stream from (its Content-Security-Policy). */
export const streamOrigin = (stream: string): string => new URL(stream).origin;

export const timeZone = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  error: (i) => `unknown time zone "${String(i.input)}" (use an IANA name such as Asia/Shanghai or Europe/Paris)`,
});

/** A wall-clock time `HH:MM` in the venue's zone; 24:00 ends a slot at midnight. */
const clock = z.string({ error: 'a time of day as "HH:MM" in quotes' }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day as "HH:MM" (00:00 to 24:00)');
/** A wall-clock date and time `YYYY-MM-DDTHH:MM` in the venue's zone. */
const localDateTime = z
  .string({ error: 'a date and time as "YYYY-MM-DDTHH:MM" in quotes' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'a date and time as "YYYY-MM-DDTHH:MM" (the venue\'s local time)');

export const weeklySlot = z
  .object({
    days: z.array(z.enum(WEEKDAYS, { error: `a day is one of ${WEEKDAYS.join(', ')}` })).min(1),
    start: clock,
    end: clock,
  })
  .strict()
  .refine((s) => minutesOf(s.end) > minutesOf(s.start), {
    message: 'a slot ends after it starts on the same day (split one that runs past midnight into two)',
    path: ['end'],
  });

export const datedEvent = z
  .object({ start: localDateTime, end: localDateTime, title: triLang.optional() })
  .strict()
  .refine((e) => e.end > e.start, { message: 'an event ends after it starts', path: ['end'] });

export const liveSchedule = z
  .object({ weekly: z.array(weeklySlot).default([]), events: z.array(datedEvent).default([]) })
  .strict()
  .refine((s) => s.weekly.length + s.events.length > 0, { message: 'a schedule needs at least one weekly slot or event' });

/** An earlier recording: an episode of a drama, or a clip of it (seconds from its start). */
export const archiveClip = z
  .object({
    title: triLang,
    /** When it was recorded (the venue's local date), shown beside it. */
    recorded: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as "YYYY-MM-DD"')
      .optional(),
    drama: slug,
    episode: slug,
    start: z.number().min(0).optional(),
    end: z.number().positive().optional(),
  })
  .strict()
  .refine((c) => c.start === undefined || c.end === undefined || c.start < c.end, { message: 'a clip must start before it ends', path: ['end'] });

export const liveView = baseRecord.extend({
  type: z.literal('live'),
  id: slug,
  title: triLang,
  description: triLang,
  stream: streamUrl,
  timeZone,
  schedule: liveSchedule,
  archive: z.array(archiveClip).default([]),
});
export type LiveView = z.infer<typeof liveView>;

/** The validated live views (build/records/live.json, written by `heritage ingest`). */
export const readLiveViews = (dir?: string): LiveView[] => readTypeRecords('live', liveView, dir);

/** The stream origins the site's policy must allow (none before the first ingest). */
export function liveStreamOrigins(dir?: string): string[] {
  if (!fs.existsSync(typeRecordsFile('live', dir))) return [];
  return [...new Set(readLiveViews(dir).map((v) => streamOrigin(v.stream)))].sort();
}
