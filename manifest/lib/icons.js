'use strict';
// What Teams asks of app icons and the schema cannot check: the colour icon is 192×192, the outline icon is 32×32
// and white on a transparent background (any pixel that shows at all must be pure white).

const { decode } = require('./png');

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
