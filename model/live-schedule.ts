// When a live view is on: its weekly slots and dated events are wall-clock times in the venue's IANA time zone,
// turned into instants here (Luxon applies the zone's rules, daylight saving included, from the runtime's ICU
// data). Imports nothing of the server side: the page script bundles it. The validator uses it to find overlaps, the page script to find the current or next slot for a countdown.
import { DateTime } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekly slot: wall-clock `HH:MM` on the venue's days (the record shape, model/live.ts). */
export interface WeeklySlot {
  days: readonly Weekday[];
  start: string;
  end: string;
}
/** Weekly slots and dated events (`YYYY-MM-DDTHH:MM`), all in the venue's wall-clock time. */
export interface LiveSchedule {
  weekly: readonly WeeklySlot[];
  events: readonly { start: string; end: string }[];
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One occurrence of a slot or event, in epoch milliseconds; `event` is the index of a dated event. */
export interface Occurrence {
  start: number;
  end: number;
  event?: number;
}

const DAY_MS = 86_400_000;

/** A wall-clock time in `zone` as an instant. A time the clocks skip (a spring-forward gap) moves forward by the
 * gap, as Luxon does. */
export function wallTime(zone: string, date: { year: number; month: number; day: number }, minutes: number): number {
  // 24:00 is the next day's midnight on the venue's calendar (Luxon adds calendar days, keeping the wall time).
  if (minutes >= 1440)
    return DateTime.fromObject({ ...date, hour: 0, minute: 0 }, { zone })
      .plus({ days: 1 })
      .toMillis();
  return DateTime.fromObject({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone }).toMillis();
}

/** `YYYY-MM-DDTHH:MM` in `zone` as an instant. */
export function localInstant(zone: string, text: string): number {
  return DateTime.fromISO(text, { zone }).toMillis();
}

/** The occurrences of one weekly slot that overlap [from, to). */
export function weeklyOccurrences(slot: WeeklySlot, zone: string, from: number, to: number): Occurrence[] {
  const out: Occurrence[] = [];
  const days = new Set(slot.days.map((d) => WEEKDAYS.indexOf(d) + 1));
  // From the day before `from` in the venue's zone, so a slot that began yesterday and is still on is found.
  let day = DateTime.fromMillis(from - DAY_MS, { zone }).startOf('day');
  for (; day.toMillis() < to; day = day.plus({ days: 1 })) {
    if (!days.has(day.weekday)) continue;
    const date = { year: day.year, month: day.month, day: day.day };
    const start = wallTime(zone, date, minutesOf(slot.start));
    const end = wallTime(zone, date, minutesOf(slot.end));
    if (end > from && start < to) out.push({ start, end });
  }
  return out;
}

/** Every occurrence of the schedule overlapping [from, to), sorted by start. */
export function occurrences(schedule: LiveSchedule, zone: string, from: number, to: number): Occurrence[] {
  const all = schedule.weekly.flatMap((s) => weeklyOccurrences(s, zone, from, to));
  schedule.events.forEach((e, event) => {
    const start = localInstant(zone, e.start);
    const end = localInstant(zone, e.end);
    if (end > from && start < to) all.push({ start, end, event });
  });
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The occurrence on at `now`, else the next one to start (weekly slots recur, so one within eight days when
 * there are any; a past event is never next), or undefined when nothing is ahead. */
export function currentOrNext(schedule: LiveSchedule, zone: string, now: number): { occurrence: Occurrence; on: boolean } | undefined {
  const lastEvent = Math.max(0, ...schedule.events.map((e) => localInstant(zone, e.end)));
  const horizon = Math.max(now + 8 * DAY_MS, lastEvent + 1);
  const ahead = occurrences(schedule, zone, now, horizon);
  const on = ahead.find((o) => o.start <= now && now < o.end);
  if (on) return { occurrence: on, on: true };
  const next = ahead.find((o) => o.start > now);
  return next ? { occurrence: next, on: false } : undefined;
}

export interface Overlap {
  /** Key path of the later of the two (in the YAML file). */
  at: (string | number)[];
  message: string;
}

const describeWeekly = (s: WeeklySlot): string => `${s.days.join(',')} ${s.start}–${s.end}`;

/** Slots and events that share time, each named once (at the later entry). Weekly slots are compared as wall-clock
 * times on the same weekday; an event against the weekly occurrences during it, and against the events before it. */
export function scheduleOverlaps(schedule: LiveSchedule, zone: string): Overlap[] {
  const out: Overlap[] = [];
  schedule.weekly.forEach((b, j) => {
    for (let i = 0; i < j; i++) {
      const a = schedule.weekly[i]!;
      const day = b.days.find((d) => a.days.includes(d));
      if (day && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end))
        out.push({ at: ['schedule', 'weekly', j], message: `overlaps weekly slot ${i + 1} (${describeWeekly(a)}) on ${day}` });
    }
  });
  schedule.events.forEach((e, j) => {
    const start = localInstant(zone, e.start);
    const end = localInstant(zone, e.end);
    for (let i = 0; i < j; i++) {
      const o = schedule.events[i]!;
      if (localInstant(zone, o.start) < end && start < localInstant(zone, o.end))
        out.push({ at: ['schedule', 'events', j], message: `overlaps event ${i + 1} (${o.start} to ${o.end})` });
    }
    schedule.weekly.forEach((w, i) => {
      const hit = weeklyOccurrences(w, zone, start, end)[0];
      if (hit) out.push({ at: ['schedule', 'events', j], message: `overlaps weekly slot ${i + 1} (${describeWeekly(w)})` });
    });
  });
  return out;
}
