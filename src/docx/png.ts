/**
 * Private: a minimal PNG writer for a blank (white) picture, the fallback of an SVG figure in Word clients
 * that cannot draw SVG. Stored (uncompressed) deflate blocks, CRC-32 and Adler-32 per RFC 1950/1951 and the
 * PNG specification.
 * @packageDocumentation
 */

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

function crc32(bytes: Uint8Array, table: Uint32Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

/** A white, opaque PNG of the given size (greyscale, 8 bits). */
export function solidPng(width: number, height: number): Uint8Array {
  const table = crcTable();
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.fill(255, y * (width + 1) + 1, (y + 1) * (width + 1));
  // zlib stream of stored blocks (max 65535 bytes each)
  const parts: number[] = [0x78, 0x01];
  for (let off = 0; off < raw.length || off === 0; off += 65535) {
    const len = Math.min(65535, raw.length - off);
    const last = off + len >= raw.length ? 1 : 0;
    parts.push(last, len & 255, len >>> 8, ~len & 255, (~len >>> 8) & 255);
    for (let i = 0; i < len; i++) parts.push(raw[off + i]!);
    if (len === 0) break;
  }
  parts.push(...u32(adler32(raw)));
  const chunk = (type: string, data: readonly number[]): number[] => {
    const body = new Uint8Array([...type].map((ch) => ch.charCodeAt(0)).concat(data));
    return [...u32(data.length), ...body, ...u32(crc32(body, table))];
  };
  const ihdr = [...u32(width), ...u32(height), 8, 0, 0, 0, 0];
  return new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...chunk("IHDR", ihdr), ...chunk("IDAT", parts), ...chunk("IEND", [])]);
}
