// STS through callApi: GetCallerIdentity and AssumeRole with the rules of the STS API reference
// (API_AssumeRole, API_GetCallerIdentity) and iam-facts.md "STS".
import { describe, expect, it } from 'vitest';
import { restore, snapshot } from '../../src/aws/create-world.js';
import { AssumeRole, GetCallerIdentity } from '../../src/aws/sts.js';
import {
  ACCOUNT,
  ALICE_KEY,
  OTHER_ACCOUNT,
  allowing,
  call,
  credentialsOf,
  ok,
  role,
  trusting,
  world,
} from './builders.js';

const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:role/admin`;

describe('GetCallerIdentity', () => {
  it('answers for a user with its unique id, account and ARN', () => {
    const w = world([]);
    expect(ok(call(w, GetCallerIdentity, {}))).toEqual({
      UserId: 'AIDAALICEXXXXXXXXXXXX',
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    });
  });

  it('needs no permission, even with an explicit deny on everything', () => {
    const w = world([], {
      denyAll: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }],
      },
    });
    expect(call(w, GetCallerIdentity, {}).ok).toBe(true);
  });

  it('refuses an unknown key with InvalidClientTokenId', () => {
    const w = world([]);
    const creds = { accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: 'x' };
    expect(call(w, GetCallerIdentity, {}, creds)).toMatchObject({
      ok: false,
      error: {
        code: 'InvalidClientTokenId',
        message: 'The security token included in the request is invalid.',
        status: 403,
      },
    });
  });

  // A known key signed with another secret: the signature does not match (the CLI's output for
  // IAM quoted in aws/aws-cli#5166; STS and EC2 answer in the same words).
  it('refuses a wrong secret with SignatureDoesNotMatch', () => {
    const w = world([]);
    expect(
      call(w, GetCallerIdentity, {}, { ...ALICE_KEY, secretAccessKey: 'wrong' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'SignatureDoesNotMatch',
        message:
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        status: 403,
      },
    });
  });
});

describe('AssumeRole', () => {
  it('returns ASIA credentials that expire after an hour by default, and the session ARN without the role path', () => {
    const w = world([role('admin', trusting({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }))]);
    const response = ok(
      call(w, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 'alice-admin' }),
    );
    expect(response.AssumedRoleUser).toEqual({
      AssumedRoleId: 'AROAADMINXXXXXXXXXXXX:alice-admin',
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/admin/alice-admin`,
    });
    const creds = response.Credentials as Record<string, string>;
    expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.SecretAccessKey).toHaveLength(40);
    expect(creds.Expiration).toBe('2026-11-30T11:00:00Z');
    expect(ok(call(w, GetCallerIdentity, {}, credentialsOf(response)))).toEqual({
      UserId: 'AROAADMINXXXXXXXXXXXX:alice-admin',
      Account: ACCOUNT,
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/admin/alice-admin`,
    });
  });

  it('is denied when the trust policy does not name the caller, with the role trust policy wording', () => {
    const w = world([role('admin', trusting({ Service: 'ec2.amazonaws.com' }))]);
    const result = call(w, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 's1' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AccessDenied',
        message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${ADMIN_ARN} because no role trust policy allows the sts:AssumeRole action`,
      },
    });
    expect(Object.keys(w.sessions)).toEqual([]);
  });

  it('is denied for a role that does not exist, even with an identity Allow', () => {
    const w = world([]);
    const result = call(w, AssumeRole, {
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/ghost`,
      RoleSessionName: 's1',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
  });

  it('needs both sides across accounts: the trust policy and the caller identity policy', () => {
    const prodRole = role(
      'deploy',
      trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` }),
      {},
      OTHER_ACCOUNT,
    );
    const arn = prodRole.arn;
    expect(call(world([prodRole]), AssumeRole, { RoleArn: arn, RoleSessionName: 's1' }).ok).toBe(
      true,
    );
    const withoutIdentity = call(world([prodRole], {}), AssumeRole, {
      RoleArn: arn,
      RoleSessionName: 's1',
    });
    expect(withoutIdentity).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
  });

  it('passes the ExternalId to the trust policy condition (confused deputy)', () => {
    const vendorRole = role(
      'vendor',
      trusting(
        { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        { StringEquals: { 'sts:ExternalId': 'cust-42' } },
      ),
      {},
      OTHER_ACCOUNT,
    );
    const w = world([vendorRole]);
    expect(call(w, AssumeRole, { RoleArn: vendorRole.arn, RoleSessionName: 's1' }).ok).toBe(false);
    expect(
      call(w, AssumeRole, { RoleArn: vendorRole.arn, RoleSessionName: 's1', ExternalId: 'cust-41' })
        .ok,
    ).toBe(false);
    expect(
      call(w, AssumeRole, { RoleArn: vendorRole.arn, RoleSessionName: 's1', ExternalId: 'cust-42' })
        .ok,
    ).toBe(true);
  });

  // id_session-tags ("Permissions required to add session tags": sts:TagSession) and
  // id_credentials_temp_control-access_monitor (sts:SetSourceIdentity): each is asked of the
  // trust policy besides sts:AssumeRole, and the tags become the session's principal tags.
  it('passing session tags needs sts:TagSession, a source identity sts:SetSourceIdentity', () => {
    const alice = { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` };
    const request = {
      RoleArn: ADMIN_ARN,
      RoleSessionName: 's1',
      Tags: [{ Key: 'team', Value: 'data' }],
      SourceIdentity: 'alice',
    };
    const denial = (action: string) =>
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ${action} on resource: ${ADMIN_ARN} because no role trust policy allows the ${action} action`;
    const onlyAssume = world([role('admin', trusting(alice))]);
    expect(call(onlyAssume, AssumeRole, request)).toMatchObject({
      ok: false,
      error: { code: 'AccessDenied', message: denial('sts:TagSession') },
    });
    expect(call(onlyAssume, AssumeRole, { ...request, Tags: [] })).toMatchObject({
      ok: false,
      error: { code: 'AccessDenied', message: denial('sts:SetSourceIdentity') },
    });
    const all = trusting(alice) as { Statement: { Action: unknown }[] };
    for (const statement of all.Statement)
      statement.Action = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];
    const w = world([role('admin', all)]);
    expect(ok(call(w, AssumeRole, request))).toMatchObject({ SourceIdentity: 'alice' });
    expect(Object.values(w.sessions)[0]).toMatchObject({
      sourceIdentity: 'alice',
      tags: [{ Key: 'team', Value: 'data' }],
    });
  });

  it('caps role chaining at one hour', () => {
    const first = role('first', trusting({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }), {
      chain: allowing('sts:AssumeRole'),
    });
    const second = { ...role('second', trusting({ AWS: first.arn })), maxSessionDuration: 43200 };
    const w = world([first, second]);
    const session = credentialsOf(
      ok(call(w, AssumeRole, { RoleArn: first.arn, RoleSessionName: 'hop1' })),
    );
    const tooLong = call(
      w,
      AssumeRole,
      { RoleArn: second.arn, RoleSessionName: 'hop2', DurationSeconds: 7200 },
      session,
    );
    expect(tooLong).toMatchObject({
      ok: false,
      error: {
        code: 'ValidationError',
        message:
          'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      },
    });
    expect(
      call(
        w,
        AssumeRole,
        { RoleArn: second.arn, RoleSessionName: 'hop2', DurationSeconds: 3600 },
        session,
      ).ok,
    ).toBe(true);
  });

  it('refuses durations outside 900..MaxSessionDuration and bad session names', () => {
    const w = world([role('admin', trusting({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }))]);
    expect(
      call(w, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 's1', DurationSeconds: 7200 }),
    ).toMatchObject({
      ok: false,
      error: {
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      },
    });
    expect(
      call(w, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 's1', DurationSeconds: 600 }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'ValidationError',
        message:
          "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      },
    });
    expect(call(w, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 'has space' })).toMatchObject(
      { ok: false, error: { code: 'ValidationError' } },
    );
  });

  it('expired session credentials get ExpiredToken on the simulated clock', () => {
    const w = world([role('admin', trusting({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }))]);
    const session = credentialsOf(
      ok(call(w, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 's1' })),
    );
    w.now += 3600 * 1000;
    expect(call(w, GetCallerIdentity, {}, session)).toMatchObject({
      ok: false,
      error: {
        code: 'ExpiredToken',
        message: 'The security token included in the request is expired',
      },
    });
  });

  it('a session token that does not belong to the key is invalid', () => {
    const w = world([role('admin', trusting({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }))]);
    const session = credentialsOf(
      ok(call(w, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 's1' })),
    );
    expect(call(w, GetCallerIdentity, {}, { ...session, sessionToken: 'forged' })).toMatchObject({
      ok: false,
      error: { code: 'InvalidClientTokenId' },
    });
  });
});

describe('the event log and the world as data', () => {
  it('records each call with its outcome and, for authorized calls, the explanation', () => {
    const w = world([role('admin', trusting({ Service: 'ec2.amazonaws.com' }))]);
    call(w, GetCallerIdentity, {});
    call(w, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 's1' });
    expect(w.events.map((e) => [e.eventSource, e.eventName, e.errorCode])).toEqual([
      ['sts.amazonaws.com', 'GetCallerIdentity', undefined],
      ['sts.amazonaws.com', 'AssumeRole', 'AccessDenied'],
    ]);
    expect(w.events[1]?.userIdentity).toEqual({
      type: 'IAMUser',
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      accountId: ACCOUNT,
      accessKeyId: ALICE_KEY.accessKeyId,
    });
    expect(w.events[1]?.authorization?.explanation).toMatchObject({
      decision: 'implicitDeny',
      decidedBy: 'resource',
    });
  });

  it('snapshot and restore round-trip, and the same seed gives the same credentials', () => {
    const make = () =>
      world([role('admin', trusting({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }))]);
    const a = make();
    const b = make();
    const fromA = ok(call(a, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 's1' }));
    const fromB = ok(call(b, AssumeRole, { RoleArn: ADMIN_ARN, RoleSessionName: 's1' }));
    expect(fromA).toEqual(fromB);
    const restored = restore(snapshot(a));
    expect(restored).toEqual(a);
    expect(ok(call(restored, GetCallerIdentity, {}, credentialsOf(fromA))).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/admin/s1`,
    );
  });
});
