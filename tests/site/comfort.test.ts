// The comfort settings' pre-paint script (plain JavaScript in site/public) against the settings table it mirrors:
// run in a stand-in document, it must set exactly the values options.ts allows and ignore everything else.
import fs from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { COMFORT_KEYS, COMFORT_OPTIONS, cleanSettings } from '../../site/components/comfort/options.ts';

function runInit(stored: string | null, storageThrows = false): Record<string, string> {
  const dataset: Record<string, string> = {};
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return key === 'heritage-comfort' ? stored : null;
    },
  };
  vm.runInNewContext(fs.readFileSync('site/public/comfort-init.js', 'utf8'), { document: { documentElement: { dataset } }, localStorage });
  return dataset;
}

describe('comfort-init.js', () => {
  it('applies every value options.ts allows', () => {
    for (const key of COMFORT_KEYS) {
      for (const value of COMFORT_OPTIONS[key]) {
        expect(runInit(JSON.stringify({ [key]: value }))).toEqual({ comfortReady: '', [key]: value });
      }
    }
  });

  it('ignores unknown keys, unknown values, broken JSON and blocked storage', () => {
    expect(runInit(JSON.stringify({ textSize: '300', theme: 'sepia', fontFamily: 'x', large: true }))).toEqual({ comfortReady: '' });
    expect(runInit('{not json')).toEqual({ comfortReady: '' });
    expect(runInit('null')).toEqual({ comfortReady: '' });
    expect(runInit(null, true)).toEqual({ comfortReady: '' });
  });

  it('allows no value options.ts does not', () => {
    const all = Object.fromEntries(COMFORT_KEYS.map((k) => [k, 'bogus']));
    expect(runInit(JSON.stringify(all))).toEqual({ comfortReady: '' });
  });
});

describe('cleanSettings', () => {
  it('keeps known keys with known values only', () => {
    expect(cleanSettings({ textSize: '150', large: 'on', contrast: 'loud', extra: 1 })).toEqual({ textSize: '150', large: 'on' });
    expect(cleanSettings('150')).toEqual({});
    expect(cleanSettings(null)).toEqual({});
  });
});
