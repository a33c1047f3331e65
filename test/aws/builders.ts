// Small worlds for tests of the simulated AWS, built as plain data: an account with alice (an
// access key and inline policies), optional roles, and a second account.
import type { ApiRequest, ApiResult } from '../../src/aws/api.js';
import type { Credentials } from '../../src/aws/caller.js';
import { createWorld } from '../../src/aws/create-world.js';
import type { Operation } from '../../src/aws/operation.js';
import type { IamRole, IamUser, World } from '../../src/aws/world.js';
import { ACCOUNT, OTHER_ACCOUNT, START, allowing, call as callWith, iamUser } from './fixtures.js';

export { ACCOUNT, OTHER_ACCOUNT, START, allowing, ok } from './fixtures.js';

export const ALICE_KEY: Credentials = {
  accessKeyId: 'AKIAALICEEXAMPLE0001',
  secretAccessKey: 'alice-secret',
};

/** A user with alice's access key and these inline policies. */
export const user = (name: string, policies: Record<string, unknown>, account = ACCOUNT): IamUser =>
  iamUser(name, ALICE_KEY, policies, [], account);

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
  userPolicies: Record<string, unknown> = { assume: allowing('sts:AssumeRole') },
): World {
  const w = createWorld({
    seed: 'sts-test',
    now: START,
    accounts: [
      { id: ACCOUNT, name: 'dev' },
      { id: OTHER_ACCOUNT, name: 'prod' },
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

/** A call made as alice unless another caller is given. */
export const call = (
  w: World,
  operation: Operation,
  params: Record<string, unknown>,
  caller: ApiRequest['caller'] = ALICE_KEY,
): ApiResult => callWith(w, operation, params, caller);

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
