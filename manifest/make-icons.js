#!/usr/bin/env node
'use strict';
// Draws the two Teams app icons: color.png (192×192, a white heart on warm coral) and outline.png (32×32, a white
// heart on transparent). Run it after changing the drawing and commit the PNGs it writes next to manifest.json.
//   node manifest/make-icons.js [output folder, default: manifest/]

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');

const CORAL = [0xd9, 0x5d, 0x4b]; // keep equal to accentColor in manifest.json
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 8; // per axis, for smooth edges

/**
 * 8-bit RGBA, rows unfiltered, one deflate at level 9 with zlib's default strategy: pngjs's own defaults (adaptive
 * filters, run-length strategy) would give other bytes than the committed icons, which a test compares.
 */
function encodeRgba(width, height, rgba) {
  return PNG.sync.write({ width, height, data: rgba }, { filterType: 0, deflateLevel: 9, deflateStrategy: 0 });
}

/** True inside the heart (x² + y² − 1)³ − x²y³ ≤ 0, with y pointing up; it spans x ±1.14, y −1 to 1.24. */
function inHeart(x, y) {
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

/** Coverage (0–1) of the heart, sized to `heartWidth` pixels and centred, for each pixel of a size×size square. */
function heartCoverage(size, heartWidth) {
  const scale = 2.28 / heartWidth; // heart units per pixel
  const centreY = 0.12; // the middle of the heart's height, so it sits centred
  const coverage = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES - size / 2) * scale;
          const y = centreY - (py + (sy + 0.5) / SAMPLES - size / 2) * scale;
          inside += inHeart(x, y) ? 1 : 0;
        }
      }
      coverage[py * size + px] = inside / (SAMPLES * SAMPLES);
    }
  }
  return coverage;
}

/** Colour icon: solid coral square (Teams rounds the corners itself) with the heart blended in white. */
function colourIcon(size, heartWidth) {
  const coverage = heartCoverage(size, heartWidth);
  const rgba = Buffer.alloc(size * size * 4);
  coverage.forEach((c, i) => {
    const mix = (k) => Math.round(CORAL[k] * (1 - c) + WHITE[k] * c);
    rgba.set([mix(0), mix(1), mix(2), 255], i * 4);
  });
  return encodeRgba(size, size, rgba);
}

/** Outline icon: white everywhere, the heart's coverage in the alpha channel only. */
function outlineIcon(size, heartWidth) {
  const coverage = heartCoverage(size, heartWidth);
  const rgba = Buffer.alloc(size * size * 4);
  coverage.forEach((c, i) => rgba.set([255, 255, 255, Math.round(c * 255)], i * 4));
  return encodeRgba(size, size, rgba);
}

const outputDir = path.resolve(process.argv[2] ?? __dirname);
fs.mkdirSync(outputDir, { recursive: true });
const icons = {
  'color.png': colourIcon(192, 112),
  'outline.png': outlineIcon(32, 26),
};
for (const [name, png] of Object.entries(icons)) {
  fs.writeFileSync(path.join(outputDir, name), png);
  console.log(`${name}: ${png.length} bytes`);
}
