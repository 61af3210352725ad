// A panorama address names the direction and the variant to show on arrival; the viewer reads back what the pages
// and the exhibitions wrote, and leaves out what is malformed or out of range (the panorama schema's bounds).
import { describe, expect, it } from 'vitest';
import { panoramaHash, panoramaLook, panoramaViewPath } from '../../formats/urls.ts';

describe('panorama view addresses', () => {
  it('write the view, the variant, both or neither, and read them back', () => {
    const view = { yaw: -35, pitch: -5, zoom: 40 };
    expect(panoramaViewPath('library-cave-corridor', view, 'evidence')).toBe('/panoramas/library-cave-corridor/#view=-35,-5,40&variant=evidence');
    expect(panoramaViewPath('library-cave-corridor', view)).toBe('/panoramas/library-cave-corridor/#view=-35,-5,40');
    expect(panoramaViewPath('library-cave-corridor', undefined, 'evidence')).toBe('/panoramas/library-cave-corridor/#variant=evidence');
    expect(panoramaViewPath('library-cave-corridor')).toBe('/panoramas/library-cave-corridor/');
    for (const look of [{ view, variant: 'evidence' }, { view }, { variant: 'liao-1056' }, {}]) expect(panoramaLook(panoramaHash(look))).toEqual(look);
  });

  it('leave out a view out of range or malformed, and a variant that is not an id', () => {
    expect(panoramaLook('#view=200,0,30&variant=evidence')).toEqual({ variant: 'evidence' });
    expect(panoramaLook('#view=0,-95,30')).toEqual({});
    expect(panoramaLook('#view=0,0,120')).toEqual({});
    expect(panoramaLook('#view=0,0')).toEqual({});
    expect(panoramaLook('#view=0,0,30&variant=Winter%20Snow')).toEqual({ view: { yaw: 0, pitch: 0, zoom: 30 } });
    expect(panoramaLook('#some-step')).toEqual({});
  });
});
