// Identity providers through callApi (id_roles_providers_create_saml, id_roles_providers_create_oidc;
// API_CreateSAMLProvider, API_CreateOpenIDConnectProvider, API_ListSAMLProviders,
// API_ListOpenIDConnectProviders, API_DeleteSAMLProvider, API_DeleteOpenIDConnectProvider), and
// roles that trust them.
import { describe, expect, it } from 'vitest';
import {
  CreateOpenIDConnectProvider,
  CreateSAMLProvider,
  DeleteOpenIDConnectProvider,
  DeleteSAMLProvider,
  ListOpenIDConnectProviders,
  ListSAMLProviders,
} from '../../../src/aws/iam/identity-providers.js';
import { CreateRole } from '../../../src/aws/iam/roles.js';
import {
  ACCOUNT,
  accountOf,
  call,
  deniedMessage,
  failure,
  lessonWorld,
  ok,
  putUser,
} from '../fixtures.js';

const BOB = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };
const GITHUB = 'https://token.actions.githubusercontent.com';
const GITHUB_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const METADATA = `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com" validUntil="2030-01-01T00:00:00Z"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${'<!-- key -->'.repeat(80)}</md:IDPSSODescriptor></md:EntityDescriptor>`;

describe('OpenID Connect providers', () => {
  it('registers GitHub as a provider, which a role can then trust', () => {
    const world = lessonWorld();
    expect(
      ok(
        call(world, CreateOpenIDConnectProvider, {
          Url: GITHUB,
          ClientIDList: ['sts.amazonaws.com'],
        }),
      ),
    ).toEqual({
      OpenIDConnectProviderArn: GITHUB_ARN,
    });
    expect(ok(call(world, ListOpenIDConnectProviders, {}))).toEqual({
      OpenIDConnectProviderList: [{ Arn: GITHUB_ARN }],
    });
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: GITHUB_ARN },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          },
        },
      ],
    };
    expect(
      call(world, CreateRole, {
        RoleName: 'deploy',
        AssumeRolePolicyDocument: JSON.stringify(trust),
      }).ok,
    ).toBe(true);
  });

  it("refuses a URL that is not https, a duplicate, and more than five thumbprints, in AWS's words", () => {
    const world = lessonWorld();
    expect(
      failure(call(world, CreateOpenIDConnectProvider, { Url: 'http://idp.example.com' })),
    ).toEqual({
      code: 'ValidationError',
      message: 'Invalid Open ID Connect Provider URL',
    });
    ok(call(world, CreateOpenIDConnectProvider, { Url: GITHUB }));
    expect(failure(call(world, CreateOpenIDConnectProvider, { Url: GITHUB }))).toEqual({
      code: 'EntityAlreadyExists',
      message: `Provider with url ${GITHUB} already exists.`,
    });
    const thumbprints = Array.from({ length: 6 }, (_, i) => String(i).repeat(40));
    expect(
      failure(
        call(world, CreateOpenIDConnectProvider, {
          Url: 'https://other.example.com',
          ThumbprintList: thumbprints,
        }),
      ),
    ).toEqual({
      code: 'InvalidInput',
      message: 'Thumbprint list must contain fewer than 5 entries.',
    });
    expect(
      failure(
        call(world, CreateOpenIDConnectProvider, {
          Url: 'https://other.example.com',
          ThumbprintList: ['abc'],
        }),
      ),
    ).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'thumbprintList' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 40, Member must have length greater than or equal to 40]",
    });
  });

  it('is denied without iam:CreateOpenIDConnectProvider', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(failure(call(world, CreateOpenIDConnectProvider, { Url: GITHUB }, BOB))).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:CreateOpenIDConnectProvider', GITHUB_ARN),
    });
  });
});

describe('SAML providers', () => {
  it('registers a SAML IdP from its metadata, with the validUntil it states', () => {
    const world = lessonWorld();
    const arn = `arn:aws:iam::${ACCOUNT}:saml-provider/corp`;
    expect(
      ok(call(world, CreateSAMLProvider, { Name: 'corp', SAMLMetadataDocument: METADATA })),
    ).toEqual({
      SAMLProviderArn: arn,
    });
    expect(ok(call(world, ListSAMLProviders, {}))).toEqual({
      SAMLProviderList: [
        { Arn: arn, ValidUntil: '2030-01-01T00:00:00Z', CreateDate: '2026-11-30T10:00:00Z' },
      ],
    });
  });

  it('refuses metadata under 1,000 characters and documents that are not SAML metadata', () => {
    const world = lessonWorld();
    expect(
      failure(call(world, CreateSAMLProvider, { Name: 'corp', SAMLMetadataDocument: '<x/>' })),
    ).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'sAMLMetadataDocument' failed to satisfy constraint: Member must have length greater than or equal to 1000",
    });
    expect(
      failure(
        call(world, CreateSAMLProvider, { Name: 'corp', SAMLMetadataDocument: 'x'.repeat(1000) }),
      ).code,
    ).toBe('InvalidInput');
  });

  it('is denied without iam:CreateSAMLProvider', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    expect(
      failure(
        call(world, CreateSAMLProvider, { Name: 'corp', SAMLMetadataDocument: METADATA }, BOB),
      ),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage(
        'bob',
        'iam:CreateSAMLProvider',
        `arn:aws:iam::${ACCOUNT}:saml-provider/corp`,
      ),
    });
  });
});

describe('deleting identity providers', () => {
  // NoSuchEntity messages as AWS answered a second delete (localstack test_iam_oidc and
  // test_iam_saml_providers snapshots); the role that trusts the provider stays as it was.
  it('deletes an OIDC provider once, then says it cannot be found; roles trusting it remain', () => {
    const world = lessonWorld();
    ok(call(world, CreateOpenIDConnectProvider, { Url: GITHUB }));
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: GITHUB_ARN },
          Action: 'sts:AssumeRoleWithWebIdentity',
        },
      ],
    };
    ok(
      call(world, CreateRole, {
        RoleName: 'deploy',
        AssumeRolePolicyDocument: JSON.stringify(trust),
      }),
    );
    expect(
      ok(call(world, DeleteOpenIDConnectProvider, { OpenIDConnectProviderArn: GITHUB_ARN })),
    ).toEqual({});
    expect(ok(call(world, ListOpenIDConnectProviders, {}))).toEqual({
      OpenIDConnectProviderList: [],
    });
    expect(
      failure(call(world, DeleteOpenIDConnectProvider, { OpenIDConnectProviderArn: GITHUB_ARN })),
    ).toEqual({
      code: 'NoSuchEntity',
      message: `OpenId connect Provider ${GITHUB_ARN} cannot be found.`,
    });
    expect(accountOf(world).iam.roles.deploy).toBeDefined();
  });

  it('deletes a SAML provider once, then says its manifest is not found', () => {
    const world = lessonWorld();
    const arn = `arn:aws:iam::${ACCOUNT}:saml-provider/corp`;
    ok(call(world, CreateSAMLProvider, { Name: 'corp', SAMLMetadataDocument: METADATA }));
    expect(ok(call(world, DeleteSAMLProvider, { SAMLProviderArn: arn }))).toEqual({});
    expect(ok(call(world, ListSAMLProviders, {}))).toEqual({ SAMLProviderList: [] });
    expect(failure(call(world, DeleteSAMLProvider, { SAMLProviderArn: arn }))).toEqual({
      code: 'NoSuchEntity',
      message: `Manifest not found for arn ${arn}`,
    });
  });

  it('each is authorized on the provider it deletes', () => {
    const world = lessonWorld();
    putUser(world, 'bob', BOB);
    ok(call(world, CreateOpenIDConnectProvider, { Url: GITHUB }));
    expect(
      failure(
        call(world, DeleteOpenIDConnectProvider, { OpenIDConnectProviderArn: GITHUB_ARN }, BOB),
      ),
    ).toEqual({
      code: 'AccessDenied',
      message: deniedMessage('bob', 'iam:DeleteOpenIDConnectProvider', GITHUB_ARN),
    });
  });
});
