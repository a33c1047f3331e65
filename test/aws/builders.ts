// Small worlds for tests of the simulated AWS, built as plain data: an account with alice (an
// access key and inline policies), optional roles, and a second account.
import { callApi, type ApiRequest, type ApiResult } from '../../src/aws/api.js';
import type { Credentials } from '../../src/aws/caller.js';
import { createWorld } from '../../src/aws/create-world.js';
import type { Operation } from '../../src/aws/operation.js';
import type { IamRole, IamUser, World } from '../../src/aws/world.js';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
export const START = Date.UTC(2026, 10, 30, 10, 0, 0);
export const ALICE_KEY: Credentials = {
  accessKeyId: 'AKIAALICEEXAMPLE0001',
  secretAccessKey: 'alice-secret',
};

export function user(name: string, policies: Record<string, unknown>, account = ACCOUNT): IamUser {
  return {
    userName: name,
    userId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`,
    arn: `arn:aws:iam::${account}:user/${name}`,
    path: '/',
    createDate: '2026-11-30T09:00:00Z',
    tags: [],
    groups: [],
    accessKeys: [
      {
        accessKeyId: ALICE_KEY.accessKeyId,
        secretAccessKey: ALICE_KEY.secretAccessKey,
        status: 'Active',
        createDate: '2026-11-30T09:00:00Z',
      },
    ],
    attachedPolicies: [],
    inlinePolicies: Object.fromEntries(
      Object.entries(policies).map(([k, v]) => [k, JSON.stringify(v)]),
    ),
    mfaDevices: [],
  };
}

export function role(
  name: string,
  trust: unknown,
  policies: Record<string, unknown> = {},
  account = ACCOUNT,
): IamRole {
  return {
    roleName: name,
    roleId: `AROA${name.toUpperCase().padEnd(17, 'X')}`,
    arn: `arn:aws:iam::${account}:role/${name}`,
    path: '/',
    createDate: '2026-11-30T09:00:00Z',
    assumeRolePolicyDocument: JSON.stringify(trust),
    maxSessionDuration: 3600,
    attachedPolicies: [],
    inlinePolicies: Object.fromEntries(
      Object.entries(policies).map(([k, v]) => [k, JSON.stringify(v)]),
    ),
    tags: [],
  };
}

export const allow = (action: string, resource = '*') => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
});
export const trusting = (principal: unknown, condition?: unknown) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: principal,
      Action: 'sts:AssumeRole',
      ...(condition ? { Condition: condition } : {}),
    },
  ],
});

export function world(
  roles: IamRole[],
  userPolicies: Record<string, unknown> = { assume: allow('sts:AssumeRole') },
): World {
  const w = createWorld({
    seed: 'sts-test',
    now: START,
    accounts: [
      { id: ACCOUNT, name: 'dev' },
      { id: OTHER, name: 'prod' },
    ],
  });
  const dev = w.accounts[ACCOUNT];
  if (!dev) throw new Error('no account');
  dev.iam.users.alice = user('alice', userPolicies);
  for (const r of roles) {
    const account = w.accounts[r.arn.split(':')[4] ?? ''];
    if (account) account.iam.roles[r.roleName.toLowerCase()] = r;
  }
  return w;
}

export function call(
  w: World,
  operation: Operation,
  params: Record<string, unknown>,
  caller: ApiRequest['caller'] = ALICE_KEY,
): ApiResult {
  return callApi(w, { caller, operation, params, region: 'us-east-1', sourceIp: '203.0.113.7' });
}

export function ok(result: ApiResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.response;
}

export function credentialsOf(response: Record<string, unknown>): Credentials {
  const c = response.Credentials as {
    AccessKeyId: string;
    SecretAccessKey: string;
    SessionToken: string;
  };
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
  };
}
