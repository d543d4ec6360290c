'use strict';
// Just enough PNG for app icons: write 8-bit RGBA, and read the common 8-bit formats back as RGBA so the
// package command can check icons a designer replaces by hand.

const zlib = require('zlib');
const { crc32 } = require('./crc32');

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, tail]);
}

/** rgba: width*height*4 bytes, rows top to bottom. */
function encodeRgba(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method extras, not interlaced
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter: none
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Returns { width, height, hasAlpha, rgba } or throws an Error that says what is wrong. */
function decode(buffer) {
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('is not a PNG file');
  }
  let offset = 8;
  let header;
  let palette;
  let transparency;
  const idat = [];
  while (offset + 8 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length || buffer.readUInt32BE(offset + 8 + length) !== crc32(buffer.subarray(offset + 4, offset + 8), data)) {
      throw new Error(`has a damaged ${type} chunk`);
    }
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colourType: data[9], interlace: data[12] };
    } else if (type === 'PLTE') {
      palette = data;
    } else if (type === 'tRNS') {
      transparency = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!header) {
    throw new Error('has no IHDR chunk');
  }
  const channels = CHANNELS[header.colourType];
  if (header.bitDepth !== 8 || channels === undefined || header.interlace !== 0) {
    throw new Error(`uses bit depth ${header.bitDepth}, colour type ${header.colourType}, interlace ${header.interlace}; save it as a non-interlaced 8-bit RGBA PNG`);
  }
  const { width, height } = header;
  const pixels = unfilter(zlib.inflateSync(Buffer.concat(idat)), width, height, channels);
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    let rgb;
    let alpha = 255;
    if (header.colourType === 3) {
      if (!palette || p[0] * 3 + 2 >= palette.length) {
        throw new Error('has a palette index outside its palette');
      }
      rgb = palette.subarray(p[0] * 3, p[0] * 3 + 3);
      alpha = transparency && p[0] < transparency.length ? transparency[p[0]] : 255;
    } else if (channels <= 2) {
      rgb = [p[0], p[0], p[0]];
      alpha = channels === 2 ? p[1] : 255;
    } else {
      rgb = p.subarray(0, 3);
      alpha = channels === 4 ? p[3] : 255;
    }
    rgba.set([rgb[0], rgb[1], rgb[2], alpha], i * 4);
  }
  const hasAlpha = header.colourType === 4 || header.colourType === 6 || transparency !== undefined;
  return { width, height, hasAlpha, rgba };
}

function unfilter(data, width, height, channels) {
  const stride = width * channels;
  if (data.length < height * (stride + 1)) {
    throw new Error('has less image data than its size needs');
  }
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const line = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      out[y * stride + x] = (line[x] + predict(filter, a, b, c)) & 0xff;
    }
  }
  return out;
}

function predict(filter, a, b, c) {
  switch (filter) {
    case 0: return 0;
    case 1: return a;
    case 2: return b;
    case 3: return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default: throw new Error(`uses an unknown row filter (${filter})`);
  }
}

module.exports = { encodeRgba, decode };
