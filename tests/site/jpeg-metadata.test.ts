// The reuse download's metadata, read back by independent readers: exifr (EXIF and XMP) and sharp (the
// image still decodes, same pixels size).
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { withReuseMetadata } from '../../site/components/reuse/jpeg-metadata.ts';

const meta = {
  title: '清 乾隆 白玉雕螭紋璧',
  credit: '〈白玉雕螭紋璧〉 國立故宮博物院，臺北，CC BY 4.0 @ www.npm.gov.tw',
  makers: '',
  licence: 'CC BY 4.0 (http://creativecommons.org/licenses/by/4.0/)',
  licenceUri: 'http://creativecommons.org/licenses/by/4.0/',
  page: 'http://localhost:4321/zh/artifacts/x/',
};

describe('withReuseMetadata', () => {
  it('writes the credit and licence into EXIF and XMP, and the JPEG still decodes', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a83' } })
      .jpeg()
      .toBuffer();
    const out = withReuseMetadata(new Uint8Array(jpeg), meta);
    const tags = await exifr.parse(Buffer.from(out), { xmp: true });
    expect(tags.Copyright).toBe(`${meta.credit} — ${meta.licence}`);
    expect(tags.Artist).toBe(meta.credit);
    expect(tags.ImageDescription).toContain(meta.title);
    expect(tags.WebStatement).toBe(meta.licenceUri);
    expect(JSON.stringify(tags.rights)).toContain('國立故宮博物院');
    const info = await sharp(Buffer.from(out)).metadata();
    expect([info.width, info.height, info.format]).toEqual([40, 30, 'jpeg']);
  });

  it('replaces EXIF the source had instead of adding a second copy', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'old' } })
      .toBuffer();
    const out = withReuseMetadata(new Uint8Array(jpeg), { ...meta, makers: 'Guo Xi' });
    const tags = await exifr.parse(Buffer.from(out));
    expect(tags.Copyright).toContain('CC BY 4.0');
    expect(tags.Artist).toBe('Guo Xi');
    expect(Buffer.from(out).toString('latin1').split('Exif\0\0').length).toBe(2);
  });
});
