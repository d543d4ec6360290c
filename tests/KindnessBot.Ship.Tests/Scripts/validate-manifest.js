'use strict';
// Validates a Teams manifest the way the Teams tools do: AppManifestUtils.validateAgainstSchema with the schema its
// $schema names, which @microsoft/app-manifest loads from its bundled copy (no network).
//   node validate-manifest.js <repo root> <manifest.json>
// Prints the list of errors as JSON; exits 0 when there are none.

const path = require('path');
const fs = require('fs');

const [repoRoot, manifestPath] = process.argv.slice(2);
const { AppManifestUtils } = require(path.join(repoRoot, 'node_modules', '@microsoft', 'app-manifest'));

(async () => {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  console.log(JSON.stringify(errors));
  process.exit(errors.length === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(2);
});
