// The AWS CLI's names for operations and members (botocore's xform_name), checked against what
// botocore itself computes for every operation and member name in the extracted models
// (fixtures/xform-name.json, recorded by fixtures/record-aws-cli.py from AWS CLI 2.9.19).
import { describe, expect, it } from 'vitest';
import { cliName } from '../../src/console/names.js';
import expected from './fixtures/xform-name.json' with { type: 'json' };

describe('cliName (botocore xform_name with "-")', () => {
  it.each([
    ['CreateAccessKey', 'create-access-key'],
    ['CreateSAMLProvider', 'create-saml-provider'],
    ['CreateOpenIDConnectProvider', 'create-open-id-connect-provider'],
    ['EnableMFADevice', 'enable-mfa-device'],
    ['ListObjectsV2', 'list-objects-v2'],
    ['UserName', 'user-name'],
    ['SAMLAssertion', 'saml-assertion'],
    ['ListMFADevices', 'list-mfa-devices'],
    ['ListSAMLProviders', 'list-saml-providers'],
    ['PolicyARNs', 'policy-arns'],
    ['CreateCachediSCSIVolume', 'create-cached-iscsi-volume'],
    ['already-hyphenated', 'already-hyphenated'],
  ])('%s -> %s', (name, cli) => {
    expect(cliName(name)).toBe(cli);
  });

  it('agrees with botocore on every operation and member name of the six models', () => {
    const entries = Object.entries(expected);
    expect(entries.length).toBeGreaterThan(1000);
    const wrong = entries.filter(([name, cli]) => cliName(name) !== cli);
    expect(wrong).toEqual([]);
  });
});
