'use strict';
// The values the package command fills into manifest.json: from the environment, else from the Bicep deployment's
// outputs, else a default. Every value is checked here, so a bad one is refused before anything is built.

const fs = require('fs');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

const guid = (what) => (value) =>
  !GUID.test(value) ? `must be ${what}, a GUID like 6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d, not "${value}".`
    : value === NIL_GUID ? `must be ${what}; ${value} is a placeholder, not an id.` : null;
const host = (value) =>
  HOST.test(value) ? null
    : `must be the web app's host name only, like kindnessbot-abc123.azurewebsites.net (no https://, path or port), not "${value}".`;
const https = (value) => {
  try {
    return new URL(value).protocol === 'https:' ? null : `must be an https:// address, not "${value}".`;
  } catch {
    return `must be an absolute https:// address, not "${value}".`;
  }
};
const text = (max) => (value) => value.length > 0 && value.length <= max ? null : `must be 1 to ${max} characters.`;

/** Placeholders in manifest.json ({{NAME}}), where each value comes from and how it is checked. */
const PLACEHOLDERS = [
  { name: 'APP_ID', env: 'KINDNESSBOT_APP_ID', outputs: ['teamsAppId', 'appId'], check: guid("the Teams app's id") },
  { name: 'BOT_ID', env: 'KINDNESSBOT_BOT_ID', outputs: ['botId'], check: guid("the bot's Microsoft App ID (the managed identity's client id)") },
  { name: 'DOMAIN', env: 'KINDNESSBOT_DOMAIN', outputs: ['domain'], check: host, normalise: (v) => v.toLowerCase() },
  { name: 'SSO_APP_ID', env: 'KINDNESSBOT_SSO_APP_ID', outputs: ['ssoAppId'], check: guid('the Entra app id used for single sign-on'), fallback: (v) => v.BOT_ID },
  { name: 'DEVELOPER_NAME', env: 'KINDNESSBOT_DEVELOPER_NAME', outputs: [], check: text(32), fallback: () => 'KindnessBot' },
  { name: 'WEBSITE_URL', env: 'KINDNESSBOT_WEBSITE_URL', outputs: [], check: https, fallback: (v) => v.DOMAIN && `https://${v.DOMAIN}/` },
  { name: 'PRIVACY_URL', env: 'KINDNESSBOT_PRIVACY_URL', outputs: [], check: https, fallback: (v) => v.DOMAIN && `https://${v.DOMAIN}/privacy` },
  { name: 'TERMS_URL', env: 'KINDNESSBOT_TERMS_URL', outputs: [], check: https, fallback: (v) => v.DOMAIN && `https://${v.DOMAIN}/terms` },
];

const VERSION = { env: 'KINDNESSBOT_APP_VERSION', check: (v) => SEMVER.test(v) ? null : `must be a version like 1.2.3, not "${v}".` };

/**
 * Reads `az deployment group create/show` output: the whole deployment, its properties.outputs, or a plain
 * { name: value } object. Returns { name: string }.
 */
function readDeploymentOutputs(file) {
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`could not read the deployment outputs file ${file}: ${error.message}`);
  }
  const outputs = json?.properties?.outputs ?? json;
  const values = {};
  for (const [name, output] of Object.entries(outputs ?? {})) {
    const value = output !== null && typeof output === 'object' ? output.value : output;
    if (typeof value === 'string') {
      values[name] = value;
    }
  }
  return values;
}

/** Returns { values, version, problems }; problems is a list of sentences, empty when everything is usable. */
function resolveInputs(env, outputsFile, manifestVersion) {
  const problems = [];
  let outputs = {};
  if (outputsFile) {
    try {
      outputs = readDeploymentOutputs(outputsFile);
    } catch (error) {
      problems.push(error.message);
    }
  }
  const values = {};
  for (const p of PLACEHOLDERS) {
    const fromOutputs = p.outputs.map((name) => outputs[name]).find((v) => v !== undefined);
    let value = (env[p.env] ?? '').trim() || (fromOutputs ?? '').trim();
    if (!value && p.fallback) {
      value = p.fallback(values);
      if (!value) {
        continue; // it follows another value, which is missing or wrong and already reported
      }
    }
    if (!value) {
      const where = p.outputs.length ? ` or give --outputs with a "${p.outputs[0]}" output (infra/main.bicep has it)` : '';
      problems.push(`${p.env} is missing: set it${where}.`);
      continue;
    }
    value = p.normalise ? p.normalise(value) : value;
    const problem = p.check(value);
    if (problem) {
      problems.push(`${p.env} ${problem}`);
      continue;
    }
    values[p.name] = value;
  }
  const version = (env[VERSION.env] ?? '').trim() || manifestVersion;
  const versionProblem = VERSION.check(version ?? '');
  if (versionProblem) {
    problems.push(`${VERSION.env} (or "version" in manifest.json) ${versionProblem}`);
  }
  return { values, version, problems };
}

/** Replaces {{NAME}} in every string of the manifest; returns the names left unfilled. */
function fill(manifest, values) {
  const unknown = new Set();
  const walk = (node) => {
    if (typeof node === 'string') {
      return node.replace(/\{\{([A-Z_]+)\}\}/g, (match, name) => {
        if (values[name] === undefined) {
          unknown.add(name);
          return match;
        }
        return values[name];
      });
    }
    if (Array.isArray(node)) {
      return node.map(walk);
    }
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };
  return { manifest: walk(manifest), unfilled: [...unknown] };
}

module.exports = { PLACEHOLDERS, VERSION, resolveInputs, fill };
