// The schedule arithmetic of live views. Expected instants are worked out by hand from the zones' published rules
// (Asia/Shanghai UTC+8 all year; Asia/Kolkata UTC+5:30; Europe/Paris UTC+1, UTC+2 from the last Sunday of March
// to the last Sunday of October) and the calendar (2026-11-29 is a Sunday), never from the code under test.
import { describe, expect, it } from 'vitest';
import { liveSchedule } from '../../model/live.ts';
import type { LiveSchedule } from '../../model/live-schedule.ts';
import { currentOrNext, occurrences, scheduleOverlaps } from '../../model/live-schedule.ts';

const at = (iso: string): number => Date.parse(iso);
const schedule = (s: unknown): LiveSchedule => liveSchedule.parse(s);
const demo = schedule({
  weekly: [
    { days: ['sat', 'sun'], start: '14:00', end: '15:30' },
    { days: ['wed'], start: '19:30', end: '20:30' },
  ],
  events: [{ start: '2026-12-21T10:00', end: '2026-12-21T12:00' }],
});

describe('next slot, Asia/Shanghai (no daylight saving)', () => {
  it('before a slot: the next one, not on', () => {
    // Sunday 13:00 in Shanghai is 05:00 UTC; the slot at 14:00 is 06:00–07:30 UTC.
    expect(currentOrNext(demo, 'Asia/Shanghai', at('2026-11-29T05:00:00Z'))).toEqual({
      occurrence: { start: at('2026-11-29T06:00:00Z'), end: at('2026-11-29T07:30:00Z') },
      on: false,
    });
  });
  it('during a slot: that slot, on', () => {
    expect(currentOrNext(demo, 'Asia/Shanghai', at('2026-11-29T06:30:00Z'))).toEqual({
      occurrence: { start: at('2026-11-29T06:00:00Z'), end: at('2026-11-29T07:30:00Z') },
      on: true,
    });
  });
  it('at the end instant a slot is over; the next is Wednesday 19:30 (11:30 UTC)', () => {
    expect(currentOrNext(demo, 'Asia/Shanghai', at('2026-11-29T07:30:00Z'))).toEqual({
      occurrence: { start: at('2026-12-02T11:30:00Z'), end: at('2026-12-02T12:30:00Z') },
      on: false,
    });
  });
  it('a dated event is a slot of its own: Monday 21 December 10:00–12:00 is 02:00–04:00 UTC', () => {
    expect(currentOrNext(demo, 'Asia/Shanghai', at('2026-12-21T01:00:00Z'))).toEqual({
      occurrence: { start: at('2026-12-21T02:00:00Z'), end: at('2026-12-21T04:00:00Z'), event: 0 },
      on: false,
    });
  });
  it('only past events: nothing is next', () => {
    expect(currentOrNext(schedule({ events: [{ start: '2026-01-01T10:00', end: '2026-01-01T11:00' }] }), 'Asia/Shanghai', at('2026-11-29T00:00:00Z'))).toBe(
      undefined,
    );
  });
  it('24:00 ends a slot at the next midnight: Friday 23:00–24:00 is 15:00–16:00 UTC', () => {
    const late = schedule({ weekly: [{ days: ['fri'], start: '23:00', end: '24:00' }] });
    expect(occurrences(late, 'Asia/Shanghai', at('2026-11-30T00:00:00Z'), at('2026-12-07T00:00:00Z'))).toEqual([
      { start: at('2026-12-04T15:00:00Z'), end: at('2026-12-04T16:00:00Z') },
    ]);
  });
});

describe('other zones', () => {
  it('a half-hour offset: Monday 09:00 in Kolkata is 03:30 UTC', () => {
    const s = schedule({ weekly: [{ days: ['mon'], start: '09:00', end: '10:00' }] });
    expect(currentOrNext(s, 'Asia/Kolkata', at('2026-11-29T00:00:00Z'))?.occurrence.start).toBe(at('2026-11-30T03:30:00Z'));
  });
  it('daylight saving: Sunday 10:00 in Paris is 09:00 UTC before 29 March 2026, 08:00 UTC from then, 09:00 again on 25 October', () => {
    const s = schedule({ weekly: [{ days: ['sun'], start: '10:00', end: '11:00' }] });
    const starts = (from: string, to: string) => occurrences(s, 'Europe/Paris', at(from), at(to)).map((o) => o.start);
    expect(starts('2026-03-21T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([at('2026-03-22T09:00:00Z'), at('2026-03-29T08:00:00Z')]);
    expect(starts('2026-10-17T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([at('2026-10-18T08:00:00Z'), at('2026-10-25T09:00:00Z')]);
  });
});

describe('overlaps', () => {
  it('weekly slots on a shared day that share time are named at the later slot; slots that only touch are fine', () => {
    const s = schedule({
      weekly: [
        { days: ['sat', 'sun'], start: '14:00', end: '15:30' },
        { days: ['sun'], start: '15:00', end: '16:00' },
        { days: ['sat'], start: '15:30', end: '16:30' },
      ],
    });
    expect(scheduleOverlaps(s, 'Asia/Shanghai')).toEqual([{ at: ['schedule', 'weekly', 1], message: 'overlaps weekly slot 1 (sat,sun 14:00–15:30) on sun' }]);
  });
  it('an event during a weekly slot, and two events sharing time', () => {
    const s = schedule({
      weekly: [{ days: ['sat'], start: '14:00', end: '15:30' }],
      events: [
        { start: '2026-11-28T15:00', end: '2026-11-28T16:00' },
        { start: '2026-12-21T10:00', end: '2026-12-21T12:00' },
        { start: '2026-12-21T11:59', end: '2026-12-21T13:00' },
      ],
    });
    expect(scheduleOverlaps(s, 'Asia/Shanghai')).toEqual([
      { at: ['schedule', 'events', 0], message: 'overlaps weekly slot 1 (sat 14:00–15:30)' },
      { at: ['schedule', 'events', 2], message: 'overlaps event 2 (2026-12-21T10:00 to 2026-12-21T12:00)' },
    ]);
  });
});
