#!/usr/bin/env node
'use strict';
// Builds the Teams app package (a zip of manifest.json and the files it names) for one deployment, and refuses to
// build one that Teams would not install. See manifest/README.md.
//   node manifest/package.js [--outputs deployment-outputs.json] [--out artifacts/appPackage.zip] [--manifest-dir dir]

const fs = require('fs');
const path = require('path');
const { resolveInputs, fill } = require('./lib/inputs');
const { checkColourIcon, checkOutlineIcon } = require('./lib/icons');
const { zipSync } = require('fflate');

const repoRoot = path.resolve(__dirname, '..');
const usage = 'usage: node manifest/package.js [--outputs <deployment outputs .json>] [--out <zip>] [--manifest-dir <dir>]';

function parseArguments(argv) {
  const options = { out: path.join(repoRoot, 'artifacts', 'appPackage.zip'), manifestDir: __dirname, outputs: process.env.KINDNESSBOT_DEPLOYMENT_OUTPUTS };
  const names = { '--out': 'out', '--outputs': 'outputs', '--manifest-dir': 'manifestDir' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const name = names[argv[i]];
    if (!name || i + 1 >= argv.length) {
      console.error(`${argv[i]}: not understood.\n${usage}`);
      process.exit(2);
    }
    options[name] = path.resolve(argv[++i]);
  }
  return options;
}

/** The Teams manifest tools, which hold the official schemas, from the repo's node_modules. */
function loadManifestTools() {
  try {
    return require('@microsoft/app-manifest');
  } catch (error) {
    throw new Error(`@microsoft/app-manifest is not installed (${error.message.split('\n')[0]}). Run 'npm ci' in ${repoRoot} first.`);
  }
}

/** The bundled copy of the schema a manifest names, so validation never needs the network. */
function localSchema(schemaUrl, fileName) {
  const match = /\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\//.exec(schemaUrl ?? '');
  if (!match) {
    throw new Error(`"$schema" must be a Teams schema address like https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json, not "${schemaUrl}".`);
  }
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageDir, 'build', 'json-schemas', 'teams', match[1], fileName);
  if (!fs.existsSync(file)) {
    throw new Error(`manifest schema ${match[1]} is not bundled with the installed @microsoft/app-manifest, so it cannot be checked offline.`);
  }
  // The published schemas contain \a and \v escapes, which JSON does not allow; the library reads them the same way.
  const schema = JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  return withUnicodeSafePatterns(schema);
}

/**
 * The localisation schema's patternProperties contain a lone "]" (for example "activityTypes\\[\\b(…)\\b]"), which
 * JavaScript's unicode regular expressions, and so the validator, refuse. Escaping it keeps the meaning.
 */
function withUnicodeSafePatterns(node) {
  if (Array.isArray(node)) {
    return node.map(withUnicodeSafePatterns);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [
    key,
    key === 'patternProperties' && value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([pattern, v]) => [escapeLoneBrackets(pattern), withUnicodeSafePatterns(v)]))
      : withUnicodeSafePatterns(value),
  ]));
}

function escapeLoneBrackets(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[++i] ?? '');
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ']') {
      out += inClass ? c : '\\]';
      inClass = false;
    } else {
      out += c;
    }
  }
  return out;
}

/** A file the manifest names: a plain file name next to manifest.json, which goes at the root of the zip. */
function packagedFile(manifestDir, name, what, problems) {
  if (typeof name !== 'string' || name !== path.basename(name) || name.startsWith('.')) {
    problems.push(`${what} must be a file name next to manifest.json (no folders), not "${name}".`);
    return null;
  }
  const file = path.join(manifestDir, name);
  if (!fs.existsSync(file)) {
    problems.push(`${what} names ${name}, which is not in ${manifestDir}.`);
    return null;
  }
  return { name, data: fs.readFileSync(file) };
}

/**
 * The package as a Buffer, entries in the order given. Repeatable: fflate compresses in JavaScript, so the bytes do not
 * hang on node's zlib version, and every entry has the same date and mode. fflate writes the date with local-time
 * getters, so it is made from local-time parts to read 1 January 2026 00:00 in every time zone.
 */
function zip(entries) {
  const attributes = { level: 9, mtime: new Date(2026, 0, 1), os: 3, attrs: (0o100644 << 16) >>> 0 }; // Unix, rw-r--r--
  return Buffer.from(zipSync(Object.fromEntries(entries.map(({ name, data }) => [name, [data, attributes]]))));
}

async function build(options) {
  const problems = [];
  const template = JSON.parse(fs.readFileSync(path.join(options.manifestDir, 'manifest.json'), 'utf8'));
  const inputs = resolveInputs(process.env, options.outputs, template.version);
  problems.push(...inputs.problems);
  if (problems.length > 0) {
    return { problems };
  }

  const { manifest, unfilled } = fill({ ...template, version: inputs.version }, inputs.values);
  if (unfilled.length > 0) {
    return { problems: [`manifest.json has placeholders this command does not know: ${unfilled.map((n) => `{{${n}}}`).join(', ')}.`] };
  }

  const { AppManifestUtils } = loadManifestTools();
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest, localSchema(manifest.$schema, 'MicrosoftTeams.schema.json'));
  problems.push(...schemaErrors.map((e) => `manifest.json does not match its schema: ${e}`));

  const files = [];
  const colour = packagedFile(options.manifestDir, manifest.icons?.color, 'icons.color', problems);
  const outline = packagedFile(options.manifestDir, manifest.icons?.outline, 'icons.outline', problems);
  if (colour) {
    problems.push(...checkColourIcon(colour.name, colour.data));
    files.push(colour);
  }
  if (outline) {
    problems.push(...checkOutlineIcon(outline.name, outline.data));
    files.push(outline);
  }

  const languages = manifest.localizationInfo ?? {};
  const languageFiles = [
    ...(languages.defaultLanguageFile ? [{ file: languages.defaultLanguageFile, languageTag: languages.defaultLanguageTag }] : []),
    ...(languages.additionalLanguages ?? []),
  ];
  const localizationSchema = languageFiles.length ? localSchema(manifest.$schema, 'MicrosoftTeams.Localization.schema.json') : null;
  for (const { file, languageTag } of languageFiles) {
    const language = packagedFile(options.manifestDir, file, `the ${languageTag} language file`, problems);
    if (!language) {
      continue;
    }
    let strings;
    try {
      strings = JSON.parse(language.data.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      problems.push(`${language.name} is not valid JSON: ${error.message}`);
      continue;
    }
    const errors = await AppManifestUtils.validateAgainstSchema(strings, localizationSchema);
    problems.push(...errors.map((e) => `${language.name} does not match the localisation schema: ${e}`));
    files.push(language);
  }

  if (problems.length > 0) {
    return { problems };
  }
  const archive = zip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') }, ...files]);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, archive);
  return { problems, manifest, size: archive.length, entries: ['manifest.json', ...files.map((f) => f.name)] };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  let result;
  try {
    result = await build(options);
  } catch (error) {
    result = { problems: [error.message] };
  }
  if (result.problems.length > 0) {
    console.error(`Not building ${path.relative(process.cwd(), options.out) || options.out}: Teams would not install it.`);
    for (const problem of result.problems) {
      console.error(`  - ${problem}`);
    }
    process.exit(1);
  }
  const { manifest } = result;
  console.log(`Built ${options.out} (${result.size} bytes: ${result.entries.join(', ')})`);
  console.log(`  Teams app id ${manifest.id}, version ${manifest.version}`);
  console.log(`  bot id       ${manifest.bots[0].botId}`);
  console.log(`  domain       ${manifest.validDomains[0]}`);
  console.log('Upload it in the Teams admin centre: Teams apps > Manage apps > Upload new app (see docs/deploy.md).');
}

main();
