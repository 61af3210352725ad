// How a live view's times read, the same on the server (venue times, in the built page) and in the browser (the
// visitor's own zone, the countdown): Intl formats every date and zone name in the page's language.
import type { Weekday } from '../../../model/live-schedule.ts';
import { WEEKDAYS } from '../../../model/live-schedule.ts';

/** A Monday, to name the weekdays with Intl (2024-01-01 was a Monday). */
const MONDAY = Date.UTC(2024, 0, 1, 12);

export function dayName(tag: string, day: Weekday, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(tag, { weekday: width, timeZone: 'UTC' }).format(MONDAY + WEEKDAYS.indexOf(day) * 86_400_000);
}

/** "China Time (Asia/Shanghai)": the zone's generic name in the page's language, and its IANA name. */
export function zoneLabel(tag: string, zone: string): string {
  const part = new Intl.DateTimeFormat(tag, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(Date.now()).find((p) => p.type === 'timeZoneName');
  return part && part.value !== zone ? `${part.value} (${zone})` : zone;
}

const time = (tag: string, zone: string) => new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });

/** An interval in `zone`: "Sat 07:00–08:30" (`weekday`), "21 Dec 2026, 03:00–05:00" (`date`), or the times. */
export function rangeIn(tag: string, zone: string, start: number, end: number, lead: 'weekday' | 'date' | 'none'): string {
  const t = time(tag, zone);
  const head =
    lead === 'weekday'
      ? new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: zone }).format(start)
      : lead === 'date'
        ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: zone }).format(start)
        : '';
  const range = `${t.format(start)}–${t.format(end)}`;
  return head ? `${head} ${range}` : range;
}

/** The time left as "2 d 03:04:05" (days through the page's template) or "03:04:05". */
export function countdown(ms: number, daysTemplate: string): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(s / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return d > 0 ? daysTemplate.replace('{{d}}', String(d)).replace('{{hms}}', hms) : hms;
}
