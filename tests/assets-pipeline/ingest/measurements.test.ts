// Numbers and measurement names as exports write them; an ambiguous or worded number is not read.
import { describe, expect, it } from 'vitest';
import { measurementKind, readNumber, readYear } from '../../../assets-pipeline/ingest/measurements.ts';

describe('readNumber', () => {
  it.each([
    ['12.5', 12.5],
    ['12,5', 12.5],
    [' 8 ', 8],
    ['1 250', 1250],
    ['1,250.5', 1250.5],
    ['1,250,000', 1250000],
  ])('%s → %d', (text, n) => expect(readNumber(text)).toBe(n));
  it.each(['1,250', 'about 30', 'env. 7', '12.5 cm', '0', '-3', ''])('%j is not read', (text) => expect(readNumber(text)).toBeUndefined());
});

it('names measurements in English, French and Chinese; other words are no kind', () => {
  expect(measurementKind({ en: 'Height' })).toBe('height');
  expect(measurementKind({ fr: 'diamètre' })).toBe('diameter');
  expect(measurementKind({ zh: '通高' })).toBe('height');
  expect(measurementKind({ fr: 'hauteur avec couvercle' })).toBeUndefined();
});

it('reads an acquisition year from a year or an ISO date, not from prose', () => {
  expect(readYear('1901')).toBe(1901);
  expect(readYear('1901-05-03')).toBe(1901);
  expect(readYear('in the 1950s')).toBeUndefined();
});
