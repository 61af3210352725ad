// Writes the credit line and licence into a JPEG a visitor downloads for reuse, where photo tools look for
// them: EXIF ImageDescription, Artist and Copyright (through piexifjs) and an XMP packet with dc:rights,
// xmpRights:WebStatement and the Creative Commons cc:license / cc:attributionName (IPTC's and CC's
// recommendation for marking licensed images). piexifjs writes EXIF only, so the XMP segment is written here:
// one APP1 segment after the EXIF one, a few lines.
import piexif from 'piexifjs';

export interface ReuseMeta {
  title: string;
  /** The credit line as the record gives it. */
  credit: string;
  /** Makers' names, `; `-joined; empty when unknown. */
  makers: string;
  /** The licence's short name and URI, e.g. `CC BY 4.0 (http://creativecommons.org/licenses/by/4.0/)`. */
  licence: string;
  licenceUri: string;
  /** The artifact page's address. */
  page: string;
}

const encoder = new TextEncoder();

/** piexifjs works on "binary strings" (one char per byte). EXIF ASCII fields are written as UTF-8, which
 * exiftool, exifr and the operating systems' viewers read; Chinese credit lines would not survive 7-bit ASCII. */
function binary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}
const utf8 = (text: string): string => binary(encoder.encode(text));
function bytesOf(bin: string): Uint8Array {
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The rights statement in one line: credit, then licence. */
export const rightsLine = (m: ReuseMeta): string => `${m.credit} — ${m.licence}`;

function xmpPacket(m: ReuseMeta): string {
  const publicDomain = m.licenceUri.includes('/publicdomain/');
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmlns:cc="http://creativecommons.org/ns#">',
    `<dc:title>${alt(m.title)}</dc:title>`,
    `<dc:rights>${alt(rightsLine(m))}</dc:rights>`,
    `<dc:source>${xml(m.page)}</dc:source>`,
    // Marked False is XMP's word for public domain.
    `<xmpRights:Marked>${publicDomain ? 'False' : 'True'}</xmpRights:Marked>`,
    `<xmpRights:WebStatement>${xml(m.licenceUri)}</xmpRights:WebStatement>`,
    `<cc:license rdf:resource="${xml(m.licenceUri)}"/>`,
    `<cc:attributionName>${xml(m.credit)}</cc:attributionName>`,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}

const XMP_NS = 'http://ns.adobe.com/xap/1.0/\0';

/** The JPEG with EXIF and XMP rights metadata (replacing any EXIF it had). */
export function withReuseMetadata(jpeg: Uint8Array, m: ReuseMeta): Uint8Array {
  const exif = piexif.dump({
    '0th': {
      [piexif.ImageIFD.ImageDescription]: utf8(`${m.title} — ${m.page}`),
      [piexif.ImageIFD.Artist]: utf8(m.makers || m.credit),
      [piexif.ImageIFD.Copyright]: utf8(rightsLine(m)),
    },
  });
  const withExif = bytesOf(piexif.insert(exif, binary(jpeg)));
  const packet = encoder.encode(xmpPacket(m));
  const head = encoder.encode(XMP_NS);
  const length = 2 + head.length + packet.length;
  if (length > 0xffff) throw new Error('XMP packet too long for one JPEG segment');
  // After SOI and the APPn segments already there (JFIF, EXIF): where readers expect metadata.
  let at = 2;
  while (withExif[at] === 0xff && withExif[at + 1]! >= 0xe0 && withExif[at + 1]! <= 0xef) at += 2 + ((withExif[at + 2]! << 8) | withExif[at + 3]!);
  const out = new Uint8Array(withExif.length + 2 + length);
  out.set(withExif.subarray(0, at), 0);
  out.set([0xff, 0xe1, length >> 8, length & 0xff], at);
  out.set(head, at + 4);
  out.set(packet, at + 4 + head.length);
  out.set(withExif.subarray(at), at + 2 + length);
  return out;
}
