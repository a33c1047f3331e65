// Principal and NotPrincipal matching (reference_policies_elements_principal,
// reference_policies_elements_notprincipal) and reading callers from ARNs (reference_identifiers).
import { describe, expect, it } from 'vitest';
import { principalFromText } from '../../src/policy/arn.js';
import {
  notPrincipalApplies,
  PrincipalMatch,
  principalMatches,
} from '../../src/policy/principal-match.js';
import { ACCOUNT_A, ALICE, ROLE, SESSION, caller } from './helpers.js';

describe('principalFromText', () => {
  it('reads users, root, role sessions, federated users, services, IdPs and anonymous', () => {
    expect(caller(ALICE)).toEqual({ type: 'user', arn: ALICE, account: ACCOUNT_A, name: 'alice' });
    expect(caller('arn:aws:iam::111122223333:user/division/team/bob')).toMatchObject({
      type: 'user',
      name: 'bob',
    });
    expect(caller(`arn:aws:iam::${ACCOUNT_A}:root`)).toEqual({
      type: 'root',
      arn: `arn:aws:iam::${ACCOUNT_A}:root`,
      account: ACCOUNT_A,
    });
    expect(caller(SESSION)).toEqual({
      type: 'assumed-role',
      arn: SESSION,
      account: ACCOUNT_A,
      roleName: 'app',
      sessionName: 'session-1',
      roleArn: ROLE,
    });
    expect(caller(SESSION, 'arn:aws:iam::111122223333:role/service/app')).toMatchObject({
      roleArn: 'arn:aws:iam::111122223333:role/service/app',
    });
    expect(caller('arn:aws:sts::111122223333:federated-user/carol')).toMatchObject({
      type: 'federated-user',
      name: 'carol',
    });
    expect(caller('ec2.amazonaws.com')).toEqual({ type: 'service', service: 'ec2.amazonaws.com' });
    expect(
      caller('arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'),
    ).toMatchObject({ type: 'federated' });
    expect(caller('anonymous')).toEqual({ type: 'anonymous' });
  });

  it('explains why a role ARN cannot be a caller, and rejects non-principals', () => {
    const role = principalFromText(ROLE);
    expect(role).toEqual({
      ok: false,
      message: expect.stringContaining('assumed-role/app/SESSION_NAME') as unknown,
    });
    expect(principalFromText('alice').ok).toBe(false);
    expect(principalFromText('arn:aws:s3:::bucket').ok).toBe(false);
  });
});

describe('principalMatches', () => {
  const user = caller(ALICE);
  const session = caller(SESSION);

  it('"*" and {"AWS": "*"} name everyone, anonymous included', () => {
    expect(principalMatches('*', { type: 'anonymous' })).toBe(PrincipalMatch.wildcard);
    expect(principalMatches({ AWS: ['*'] }, user)).toBe(PrincipalMatch.wildcard);
  });

  it('an account id and the account root ARN both name every principal of the account', () => {
    expect(principalMatches({ AWS: [ACCOUNT_A] }, user)).toBe(PrincipalMatch.account);
    expect(principalMatches({ AWS: [`arn:aws:iam::${ACCOUNT_A}:root`] }, session)).toBe(
      PrincipalMatch.account,
    );
    expect(principalMatches({ AWS: ['444455556666'] }, user)).toBe(PrincipalMatch.none);
  });

  it('a role ARN names its sessions as the role; the session ARN names the session itself', () => {
    expect(principalMatches({ AWS: [ROLE] }, session)).toBe(PrincipalMatch.role);
    expect(principalMatches({ AWS: [SESSION] }, session)).toBe(PrincipalMatch.direct);
    expect(
      principalMatches({ AWS: ['arn:aws:sts::111122223333:assumed-role/app/other'] }, session),
    ).toBe(PrincipalMatch.none);
  });

  it('does not treat a partial wildcard in a principal ARN as a wildcard', () => {
    expect(principalMatches({ AWS: ['arn:aws:iam::111122223333:user/*'] }, user)).toBe(
      PrincipalMatch.none,
    );
  });

  it('matches services and identity providers only by their exact names', () => {
    expect(principalMatches({ Service: ['ec2.amazonaws.com'] }, caller('ec2.amazonaws.com'))).toBe(
      PrincipalMatch.direct,
    );
    expect(
      principalMatches({ Service: ['lambda.amazonaws.com'] }, caller('ec2.amazonaws.com')),
    ).toBe(PrincipalMatch.none);
    expect(principalMatches({ Service: ['ec2.amazonaws.com'] }, user)).toBe(PrincipalMatch.none);
  });
});

describe('notPrincipalApplies: a caller escapes only when all its identities are listed', () => {
  const session = caller(SESSION);
  const account = `arn:aws:iam::${ACCOUNT_A}:root`;

  it('a user listed with its account escapes; listed alone it is still denied through its account', () => {
    expect(notPrincipalApplies({ AWS: [ALICE, account] }, caller(ALICE))).toBe(false);
    expect(notPrincipalApplies({ AWS: [ALICE] }, caller(ALICE))).toBe(true);
  });

  it('a role session needs the session, the role and the account listed (the doc example)', () => {
    expect(notPrincipalApplies({ AWS: [SESSION, ROLE, account] }, session)).toBe(false);
    expect(notPrincipalApplies({ AWS: [SESSION, account] }, session)).toBe(true);
  });

  it('anyone not listed, anonymous included, is in scope', () => {
    expect(notPrincipalApplies({ AWS: [ALICE, account] }, { type: 'anonymous' })).toBe(true);
    expect(
      notPrincipalApplies({ AWS: [ALICE, account] }, caller('arn:aws:iam::444455556666:user/eve')),
    ).toBe(true);
  });
});
