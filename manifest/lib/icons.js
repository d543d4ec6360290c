'use strict';
// What Teams asks of app icons and the schema cannot check: the colour icon is 192×192, the outline icon is 32×32
// and white on a transparent background (any pixel that shows at all must be pure white).

const { PNG } = require('pngjs');

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Returns { width, height, hasAlpha, rgba } or throws an Error that says what is wrong. pngjs reads every PNG form
 * (any bit depth, palettes, interlacing) as 8-bit RGBA; the signature is checked here so a JPEG renamed .png is
 * called what it is rather than given pngjs's wording.
 */
function decode(bytes) {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('is not a PNG file');
  }
  let png;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    throw new Error(`cannot be read as a PNG (${error.message})`);
  }
  // alpha is true for an alpha channel and for a tRNS chunk alike, which is what "has a transparent background" needs.
  return { width: png.width, height: png.height, hasAlpha: png.alpha, rgba: png.data };
}

function checkColourIcon(name, bytes) {
  const problems = [];
  try {
    const png = decode(bytes);
    if (png.width !== 192 || png.height !== 192) {
      problems.push(`${name} must be 192×192 pixels; it is ${png.width}×${png.height}.`);
    }
  } catch (error) {
    problems.push(`${name} ${error.message}.`);
  }
  return problems;
}

function checkOutlineIcon(name, bytes) {
  const problems = [];
  let png;
  try {
    png = decode(bytes);
  } catch (error) {
    return [`${name} ${error.message}.`];
  }
  if (png.width !== 32 || png.height !== 32) {
    problems.push(`${name} must be 32×32 pixels; it is ${png.width}×${png.height}.`);
  }
  if (!png.hasAlpha) {
    return [...problems, `${name} must have a transparent background, but it has no alpha channel.`];
  }
  let transparent = 0;
  let visible = 0;
  let coloured = 0;
  for (let i = 0; i < png.rgba.length; i += 4) {
    const [r, g, b, a] = png.rgba.subarray(i, i + 4);
    if (a === 0) {
      transparent++;
    } else {
      visible++;
      if (r !== 255 || g !== 255 || b !== 255) {
        coloured++;
      }
    }
  }
  if (coloured > 0) {
    problems.push(`${name} must be white on transparent; ${coloured} visible pixels are not pure white.`);
  }
  if (transparent === 0) {
    problems.push(`${name} must have a transparent background; no pixel is fully transparent.`);
  }
  if (visible === 0) {
    problems.push(`${name} is completely transparent; draw the symbol in white.`);
  }
  return problems;
}

module.exports = { checkColourIcon, checkOutlineIcon };
