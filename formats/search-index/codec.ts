// The binary shard format shared by the index writer and the browser runtime: unsigned LEB128 varints and
// length-prefixed UTF-8 strings. Hand-written because it is ~60 lines and any library would be larger than
// the shards it decodes; every shard file is gzip-compressed on top.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ByteWriter {
  private buf: Uint8Array;
  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
  }
  length = 0;

  private grow(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  uint(value: number): void {
    this.grow(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  /** Signed integers (years BCE) as zigzag varints. */
  int(value: number): void {
    this.uint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  bytes(data: Uint8Array): void {
    this.grow(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  str(text: string): void {
    const data = encoder.encode(text);
    this.uint(data.length);
    this.bytes(data);
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

export class ByteReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  uint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 0x80;
    }
  }

  int(): number {
    const z = this.uint();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  bytes(length: number): Uint8Array {
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  str(): string {
    return decoder.decode(this.bytes(this.uint()));
  }
}

/** Shards are stored gzipped so their size on the wire does not depend on the web server's settings. */
export async function gunzip(data: Uint8Array): Promise<Uint8Array> {
  // A host that serves .gz files with `Content-Encoding: gzip` has the browser inflate them already.
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function decodeJson<T>(data: Uint8Array): T {
  return JSON.parse(decoder.decode(data)) as T;
}
