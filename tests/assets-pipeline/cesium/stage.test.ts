// The cesium stage publishes Cesium's runtime folders under media/cesium/, does nothing when they are unchanged,
// and replaces the copy whole when they change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CESIUM_PARTS, runCesiumStage } from '../../../assets-pipeline/cesium/stage.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cesium-stage-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cesium stage', () => {
  it('copies, then skips, then recopies on change', () => {
    const source = path.join(tmp, 'Build', 'Cesium');
    const media = path.join(tmp, 'media');
    fs.mkdirSync(source, { recursive: true });
    fs.writeFileSync(path.join(source, 'Cesium.js'), 'window.Cesium = {};');
    for (const dir of CESIUM_PARTS.filter((p) => p !== 'Cesium.js')) {
      fs.mkdirSync(path.join(source, dir, 'sub'), { recursive: true });
      fs.writeFileSync(path.join(source, dir, 'sub', 'a.txt'), dir);
    }
    expect(runCesiumStage({ source, mediaDir: media }).copied).toBe(true);
    expect(fs.readFileSync(path.join(media, 'cesium', 'Workers', 'sub', 'a.txt'), 'utf8')).toBe('Workers');
    expect(runCesiumStage({ source, mediaDir: media }).copied).toBe(false);
    fs.writeFileSync(path.join(source, 'Assets', 'sub', 'b.txt'), 'new');
    const again = runCesiumStage({ source, mediaDir: media });
    expect(again.copied).toBe(true);
    expect(fs.existsSync(path.join(media, 'cesium', 'Assets', 'sub', 'b.txt'))).toBe(true);
    expect(fs.readdirSync(media)).toEqual(['cesium']); // no temp or old copies left behind
  });

  it('says clearly when the runtime is missing', () => {
    expect(() => runCesiumStage({ source: path.join(tmp, 'nothing'), mediaDir: path.join(tmp, 'm2') })).toThrow(/no prebuilt runtime/);
  });
});
