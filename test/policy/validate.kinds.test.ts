// What each kind of policy may contain, its Version rule, its size limit, and the Policy a valid
// document becomes. Doc slugs: IAM User Guide pages unless an Organizations page (orgs_...).
import { describe, expect, it } from 'vitest';
import type { PolicyKind, ValidationResult } from '../../src/policy/types.js';
import { validatePolicy } from '../../src/policy/validate.js';

const ORGANIZATIONS =
  'The provided policy document does not meet the requirements of the specified policy type.';

function errorOf(result: ValidationResult) {
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.error;
}

function policyOf(result: ValidationResult) {
  if (!result.ok) throw new Error(`expected the document to be accepted: ${result.error.message}`);
  return result.policy;
}

const statement = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::bucket/*',
  ...extra,
});
const doc = (...statements: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const trust = (extra: Record<string, unknown>) =>
  doc({ Effect: 'Allow', Action: 'sts:AssumeRole', ...extra });

describe('Principal in permission policies (reference_policies_elements_principal)', () => {
  for (const kind of ['managed', 'inline', 'session'] as const) {
    it(`a ${kind} policy must not specify a principal`, () => {
      for (const element of ['Principal', 'NotPrincipal']) {
        const error = errorOf(validatePolicy(doc(statement({ [element]: '*' })), kind));
        expect(error).toMatchObject({
          message: 'Policy document should not specify a principal.',
          path: `$.Statement[0].${element}`,
        });
      }
    });
  }

  it('an SCP must not specify a principal, in Organizations words (orgs_manage_policies_scps_syntax)', () => {
    const error = errorOf(validatePolicy(doc(statement({ Principal: { AWS: '*' } })), 'scp'));
    expect(error).toMatchObject({ message: ORGANIZATIONS, path: '$.Statement[0].Principal' });
  });

  it('a resource-based policy must name a principal (S3: Missing required field Principal)', () => {
    const error = errorOf(validatePolicy(doc(statement()), 'resource'));
    expect(error).toMatchObject({
      message: 'Missing required field Principal',
      path: '$.Statement[0]',
    });
  });

  it('NotPrincipal only with Deny in a resource-based policy (reference_policies_elements_notprincipal)', () => {
    const notPrincipal = { NotPrincipal: { AWS: '111122223333' } };
    expect(validatePolicy(doc(statement({ Effect: 'Deny', ...notPrincipal })), 'resource').ok).toBe(
      true,
    );
    expect(errorOf(validatePolicy(doc(statement(notPrincipal)), 'resource'))).toMatchObject({
      message: 'NotPrincipal must be used with "Effect":"Deny"',
      path: '$.Statement[0].NotPrincipal',
    });
  });

  it('a principal must be "*" or an object of AWS, Service, Federated, CanonicalUser lists', () => {
    for (const principal of [
      'arn:aws:iam::111122223333:root',
      {},
      { Group: 'x' },
      { AWS: [] },
      { AWS: [1] },
    ]) {
      const error = errorOf(validatePolicy(doc(statement({ Principal: principal })), 'resource'));
      expect(error.message).toBe('Syntax errors in policy.');
    }
  });
});

describe('role trust policies (reference_policies_elements_principal, id_roles_terms-and-concepts)', () => {
  it('accept every documented principal form', () => {
    const principals = [
      '*',
      { AWS: '111122223333' },
      { AWS: 'arn:aws:iam::111122223333:root' },
      {
        AWS: [
          'arn:aws:iam::111122223333:user/alice',
          'arn:aws:iam::111122223333:role/path/to/Admin',
        ],
      },
      { AWS: 'arn:aws:sts::111122223333:assumed-role/Admin/session-1' },
      { AWS: 'arn:aws:sts::111122223333:federated-user/bob' },
      { AWS: '*' },
      { Service: ['ec2.amazonaws.com', 'rolesanywhere.amazonaws.com'] },
      { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleIdP' },
      { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      { Federated: ['cognito-identity.amazonaws.com', 'accounts.google.com'] },
    ];
    for (const principal of principals) {
      expect(validatePolicy(trust({ Principal: principal }), 'trust').ok).toBe(true);
    }
  });

  it('reject NotPrincipal, which trust policies cannot use (reference_policies_elements_notprincipal)', () => {
    const notPrincipal = trust({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } });
    expect(errorOf(validatePolicy(notPrincipal, 'trust'))).toMatchObject({
      message: 'Has prohibited field NotPrincipal',
      path: '$.Statement[0].NotPrincipal',
    });
  });

  it('reject a partial wildcard or an unknown form with IAM\'s "Invalid principal in policy"', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ AWS: 'arn:aws:iam::111122223333:role/*' }, '"AWS":"arn:aws:iam::111122223333:role/*"'],
      [{ AWS: ['111122223333', 'arn:aws:iam::*:root'] }, '"AWS":"arn:aws:iam::*:root"'],
      [{ AWS: 'alice' }, '"AWS":"alice"'],
      [
        { AWS: 'arn:aws:iam::111122223333:group/devs' },
        '"AWS":"arn:aws:iam::111122223333:group/devs"',
      ],
      [{ Service: 'amazonaws.com' }, '"SERVICE":"amazonaws.com"'],
      [
        { Federated: 'arn:aws:iam::111122223333:user/x' },
        '"FEDERATED":"arn:aws:iam::111122223333:user/x"',
      ],
    ];
    for (const [principal, quoted] of cases) {
      const error = errorOf(validatePolicy(trust({ Principal: principal }), 'trust'));
      expect(error.message).toBe(`Invalid principal in policy: ${quoted}`);
    }
  });

  it('must name a principal', () => {
    const error = errorOf(validatePolicy(trust({}), 'trust'));
    expect(error).toMatchObject({
      message:
        'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
      path: '$.Statement[0]',
    });
  });

  it('have no Resource or NotResource (Has prohibited field Resource)', () => {
    for (const element of ['Resource', 'NotResource']) {
      const error = errorOf(validatePolicy(trust({ Principal: '*', [element]: '*' }), 'trust'));
      expect(error).toMatchObject({
        message: `Has prohibited field ${element}`,
        path: `$.Statement[0].${element}`,
      });
    }
  });

  it('allow only STS actions (sts:AssumeRole, sts:TagSession, ...), named in full', () => {
    const roleAnywhere = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];
    const accepted = trust({
      Principal: { Service: 'rolesanywhere.amazonaws.com' },
      Action: roleAnywhere,
    });
    expect(validatePolicy(accepted, 'trust').ok).toBe(true);
    for (const action of ['s3:GetObject', 'sts:*', 'sts:BadAssumeRole']) {
      const error = errorOf(
        validatePolicy(trust({ Principal: '*', Action: ['sts:AssumeRole', action] }), 'trust'),
      );
      expect(error).toMatchObject({
        message:
          'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity',
        path: '$.Statement[0].Action[1]',
      });
    }
  });
});

describe('SCPs (orgs_manage_policies_scps_syntax)', () => {
  it('accept Allow and Deny statements with NotAction, NotResource and conditions', () => {
    const scp = doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        NotAction: ['iam:*', 'support:*'],
        NotResource: 'arn:aws:bedrock:*::foundation-model/model-to-permit',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
      },
    );
    expect(policyOf(validatePolicy(scp, 'scp')).statements).toHaveLength(2);
  });

  it('answer every malformed document with the Organizations message, still pointing at the fault', () => {
    const error = errorOf(validatePolicy(doc(statement({ Action: 'invalid' })), 'scp'));
    expect(error).toMatchObject({
      code: 'MalformedPolicyDocument',
      message: ORGANIZATIONS,
      path: '$.Statement[0].Action',
    });
  });
});

describe('RCPs (orgs_manage_policies_rcps_syntax)', () => {
  const rcp = (extra: Record<string, unknown>) =>
    doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', ...extra });

  it('accept a Deny with Principal "*" and a condition', () => {
    const secureTransport = { Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } };
    expect(validatePolicy(rcp(secureTransport), 'rcp').ok).toBe(true);
  });

  it('accept the AWS-managed RCPFullAWSAccess, the one Allow RCP', () => {
    const full = doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
    expect(validatePolicy(full, 'rcp').ok).toBe(true);
  });

  it('reject what customer RCPs cannot have', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ Effect: 'Allow' }, '$.Statement[0].Effect'],
      [{ Principal: { AWS: '111122223333' } }, '$.Statement[0].Principal'],
      [
        { Principal: undefined, NotPrincipal: { AWS: '111122223333' } },
        '$.Statement[0].NotPrincipal',
      ],
      [{ Action: undefined, NotAction: 's3:GetObject' }, '$.Statement[0].NotAction'],
      [{ Action: ['s3:*', '*'] }, '$.Statement[0].Action[1]'],
    ];
    for (const [extra, path] of cases) {
      const document = JSON.parse(JSON.stringify(rcp(extra))) as unknown; // drops the undefined elements
      expect(errorOf(validatePolicy(document, 'rcp'))).toMatchObject({
        message: ORGANIZATIONS,
        path,
      });
    }
  });
});

describe('Version (reference_policies_elements_version)', () => {
  const withVersion = (version?: string) => ({
    ...(version === undefined ? {} : { Version: version }),
    Statement: statement(),
  });

  const required: [PolicyKind, Record<string, unknown>, string][] = [
    ['managed', statement(), 'Policy document must be version 2012-10-17 or greater.'],
    ['scp', statement(), ORGANIZATIONS], // orgs_manage_policies_scps_syntax
    ['rcp', statement({ Effect: 'Deny', Principal: '*' }), ORGANIZATIONS], // ..._rcps_syntax
  ];
  for (const [kind, only, message] of required) {
    it(`a ${kind} policy requires 2012-10-17`, () => {
      const without = validatePolicy({ Statement: only }, kind);
      expect(errorOf(without)).toMatchObject({ message, path: '$' });
      const old = validatePolicy({ Version: '2008-10-17', Statement: only }, kind);
      expect(errorOf(old)).toMatchObject({ message, path: '$.Version' });
      expect(validatePolicy({ Version: '2012-10-17', Statement: only }, kind).ok).toBe(true);
    });
  }

  it('inline, session and resource policies accept 2008-10-17 or no Version, which means 2008-10-17', () => {
    const kinds: [PolicyKind, Record<string, unknown>][] = [
      ['inline', {}],
      ['session', {}],
      ['resource', { Principal: '*' }],
    ];
    for (const [kind, extra] of kinds) {
      for (const version of [undefined, '2008-10-17']) {
        const document = { ...withVersion(version), Statement: statement(extra) };
        expect(policyOf(validatePolicy(document, kind)).version).toBe('2008-10-17');
      }
    }
    const trustWithout = {
      Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
    };
    expect(policyOf(validatePolicy(trustWithout, 'trust')).version).toBe('2008-10-17');
  });

  it('any other Version value is a syntax error for every kind', () => {
    const error = errorOf(validatePolicy(withVersion('2013-10-17'), 'inline'));
    expect(error).toMatchObject({ message: 'Syntax errors in policy.', path: '$.Version' });
  });
});

describe('size limits (reference_iam-quotas, orgs_reference_limits)', () => {
  /** A document of exactly `size` characters when written without whitespace (padded in a Sid). */
  function sized(size: number, make = (sid: string): unknown => doc(statement({ Sid: sid }))) {
    return make('a'.repeat(size - JSON.stringify(make('')).length));
  }
  const trustWithSid = (sid: string) =>
    doc({ Sid: sid, Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' });
  const spaced = (document: unknown) => JSON.stringify(document, null, 8);

  it('a managed policy may have 6,144 characters, whitespace not counted', () => {
    expect(validatePolicy(spaced(sized(6144)), 'managed').ok).toBe(true);
    expect(errorOf(validatePolicy(spaced(sized(6145)), 'managed'))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PolicySize: 6144',
      path: '$',
      line: 1,
      column: 1,
    });
  });

  it('a role trust policy may have 2,048 characters, whitespace not counted', () => {
    expect(validatePolicy(spaced(sized(2048, trustWithSid)), 'trust').ok).toBe(true);
    expect(errorOf(validatePolicy(sized(2049, trustWithSid), 'trust'))).toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    });
  });

  it('a session policy may have 2,048 characters, every one counted (STS AssumeRole, Policy)', () => {
    expect(validatePolicy(JSON.stringify(sized(2048)), 'session').ok).toBe(true);
    expect(errorOf(validatePolicy(spaced(sized(2000)), 'session'))).toMatchObject({
      code: 'LimitExceeded',
      message:
        "1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048",
    });
  });

  it('an SCP or RCP may have 5,120 characters, every one counted', () => {
    expect(validatePolicy(JSON.stringify(sized(5120)), 'scp').ok).toBe(true);
    for (const kind of ['scp', 'rcp'] as const) {
      expect(errorOf(validatePolicy(spaced(sized(5000)), kind))).toMatchObject({
        code: 'LimitExceeded',
        message: 'You have exceeded the maximum policy size.',
      });
    }
  });

  it("an inline policy has no limit of its own; maxChars gives the entity's", () => {
    expect(validatePolicy(sized(20_000), 'inline').ok).toBe(true);
    expect(validatePolicy(sized(2048), 'inline', { maxChars: 2048 }).ok).toBe(true);
    expect(errorOf(validatePolicy(sized(2049), 'inline', { maxChars: 2048 }))).toMatchObject({
      code: 'LimitExceeded',
      message: 'Maximum policy size of 2048 bytes exceeded',
    });
  });

  it("maxChars replaces a kind's own limit (an adjusted quota)", () => {
    expect(validatePolicy(sized(4096, trustWithSid), 'trust', { maxChars: 4096 }).ok).toBe(true);
    expect(errorOf(validatePolicy(sized(6501), 'managed', { maxChars: 6500 })).message).toBe(
      'Cannot exceed quota for PolicySize: 6500',
    );
    const bucketPolicy = (sid: string) => doc(statement({ Sid: sid, Principal: '*' }));
    expect(
      errorOf(validatePolicy(sized(201, bucketPolicy), 'resource', { maxChars: 200 })).message,
    ).toBe('Policy exceeds the maximum allowed document size.');
  });
});

describe('the Policy a valid document becomes', () => {
  it('lists single values, keeps the statement index, names the policy', () => {
    const document = {
      Version: '2012-10-17',
      Id: 'example',
      Statement: { Sid: 'One', Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::b' },
    };
    expect(validatePolicy(document, 'managed', { name: 'Guardrail' })).toEqual({
      ok: true,
      policy: {
        name: 'Guardrail',
        version: '2012-10-17',
        id: 'example',
        statements: [
          {
            index: 0,
            sid: 'One',
            effect: 'Deny',
            notAction: ['iam:*'],
            notResource: ['arn:aws:s3:::b'],
            conditions: [],
          },
        ],
      },
    });
    expect(policyOf(validatePolicy(document, 'managed')).name).toBe('policy');
  });

  it('normalises principals: "*" stays, each type becomes a list', () => {
    const document = doc(
      statement({ Principal: '*' }),
      statement({ Principal: { AWS: '111122223333', Service: ['s3.amazonaws.com'] } }),
    );
    const [first, second] = policyOf(validatePolicy(document, 'resource')).statements;
    expect(first?.principal).toBe('*');
    expect(second?.principal).toEqual({ AWS: ['111122223333'], Service: ['s3.amazonaws.com'] });
  });

  it('flattens conditions to one entry per operator and key, values as JSON text', () => {
    const text = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*",
      "Condition":{"Bool":{"aws:SecureTransport":false},
                   "NumericLessThanEquals":{"s3:max-keys":[10, 1.5e2]},
                   "ForAnyValue:StringLike":{"aws:TagKeys":"team-*","s3:prefix":["a/","b/"]}}}}`;
    expect(policyOf(validatePolicy(text, 'managed')).statements[0]?.conditions).toEqual([
      { operator: 'Bool', key: 'aws:SecureTransport', values: ['false'] },
      { operator: 'NumericLessThanEquals', key: 's3:max-keys', values: ['10', '1.5e2'] },
      { operator: 'ForAnyValue:StringLike', key: 'aws:TagKeys', values: ['team-*'] },
      { operator: 'ForAnyValue:StringLike', key: 's3:prefix', values: ['a/', 'b/'] },
    ]);
  });

  it('drops an empty Sid, which several statements may share', () => {
    const document = doc(statement({ Sid: '' }), statement({ Sid: '' }));
    const statements = policyOf(validatePolicy(document, 'managed')).statements;
    expect(statements.map((s) => [s.index, s.sid])).toEqual([
      [0, undefined],
      [1, undefined],
    ]);
  });

  it('keeps the last of duplicate keys, as IAM does (hashicorp/terraform-provider-aws#33026)', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Action":"s3:PutObject","Resource":"*"}}';
    expect(policyOf(validatePolicy(text, 'managed')).statements[0]?.action).toEqual([
      's3:PutObject',
    ]);
  });
});
