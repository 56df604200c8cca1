/**
 * The generated cdk.json sets the feature flags that the aws-cdk-lib generated projects pin
 * recommends, as `cdk init` writes them: without them `cdk synth` ends with "N feature flags are
 * not configured", and the project runs with the behaviour of old CDK versions. A bump of the pin
 * fails here until templates/cdk/cdk.json carries the new version's flags; `update` then takes
 * them to existing projects as a change of a managed file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PACKAGE_VERSIONS } from '../../src/render/versions.js';

const require = createRequire(import.meta.url);
/** The repository's own aws-cdk-lib (a development dependency), whose flags are compared. */
const installed = (require('aws-cdk-lib/package.json') as { version: string }).version;
const { CURRENTLY_RECOMMENDED_FLAGS } = require('aws-cdk-lib/cx-api') as {
  CURRENTLY_RECOMMENDED_FLAGS: Record<string, unknown>;
};
const cdkJson = JSON.parse(readFileSync(new URL('../../templates/cdk/cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/** Context the template sets on top of the recommended flags. */
const OWN_CONTEXT = {
  // CloudFormation template validation findings fail `cdk synth` and `cdk deploy`.
  '@aws-cdk/core:validateAgainstDefaultRules': true,
};

describe('the generated cdk.json', () => {
  it('is compared with the aws-cdk-lib generated projects pin', () => {
    expect(
      installed,
      `the repository's aws-cdk-lib is ${installed}, generated projects pin ${PACKAGE_VERSIONS['aws-cdk-lib']}: ` +
        'install the pinned version (npm install -D aws-cdk-lib@<pin>), or bump the pin in src/render/versions.ts',
    ).toBe(PACKAGE_VERSIONS['aws-cdk-lib']);
  });

  it("sets exactly the pinned aws-cdk-lib's recommended feature flags, to their recommended values", () => {
    const expected = { ...CURRENTLY_RECOMMENDED_FLAGS, ...OWN_CONTEXT };
    const missing = Object.keys(expected).filter((flag) => !(flag in cdkJson.context));
    const stale = Object.keys(cdkJson.context).filter((flag) => !(flag in expected));
    expect(
      { missing, stale },
      `templates/cdk/cdk.json differs from aws-cdk-lib ${installed}'s recommended flags ` +
        '(aws-cdk-lib/recommended-feature-flags.json, which `cdk init` writes): copy them into its context',
    ).toEqual({ missing: [], stale: [] });
    expect(cdkJson.context).toEqual(expected);
  });
});
