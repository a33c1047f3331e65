// A lesson-sized world for tests of the simulated AWS, built as plain data: account 111122223333
// with an administrator user `admin` (AdministratorAccess attached, one access key) and root
// access keys, and a second account. Tests call operations through callApi with real
// credentials, as the console will.
import { callApi, type ApiRequest, type ApiResult } from '../../src/aws/api.js';
import type { Credentials } from '../../src/aws/caller.js';
import { createWorld } from '../../src/aws/create-world.js';
import type { AwsError } from '../../src/aws/errors.js';
import type { Operation, Params } from '../../src/aws/operation.js';
import type { Account, IamUser, World } from '../../src/aws/world.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
/** 2026-11-30T10:00:00Z */
export const START = Date.UTC(2026, 10, 30, 10, 0, 0);
export const ADMIN_KEY: Credentials = {
  accessKeyId: 'AKIAADMINEXAMPLE0001',
  secretAccessKey: 'admin-secret-0000000000000000000000000000',
};
export const ROOT_KEY: Credentials = {
  accessKeyId: 'AKIAROOTEXAMPLE00001',
  secretAccessKey: 'root-secret-00000000000000000000000000000',
};

/** A user with one active access key, as plain data. */
export function iamUser(
  name: string,
  key: Credentials,
  inlinePolicies: Record<string, unknown> = {},
  attachedPolicies: string[] = [],
  account = ACCOUNT,
): IamUser {
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
        accessKeyId: key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
        status: 'Active',
        createDate: '2026-11-30T09:00:00Z',
      },
    ],
    attachedPolicies,
    inlinePolicies: Object.fromEntries(
      Object.entries(inlinePolicies).map(([policy, doc]) => [policy, JSON.stringify(doc)]),
    ),
    mfaDevices: [],
  };
}

/** A user of ACCOUNT with one active access key, built directly into the world. */
export function putUser(
  world: World,
  name: string,
  key: Credentials,
  inlinePolicies: Record<string, unknown> = {},
  attachedPolicies: string[] = [],
): IamUser {
  const user = iamUser(name, key, inlinePolicies, attachedPolicies);
  accountOf(world).iam.users[name.toLowerCase()] = user;
  return user;
}

export function accountOf(world: World, id = ACCOUNT): Account {
  const account = world.accounts[id];
  if (!account) throw new Error(`no account ${id}`);
  return account;
}

/** The world at the start of a lesson: an administrator with a key, root keys, two accounts. */
export function lessonWorld(): World {
  const world = createWorld({
    seed: 'iam-test',
    now: START,
    accounts: [
      { id: ACCOUNT, name: 'dev' },
      { id: OTHER_ACCOUNT, name: 'prod' },
    ],
  });
  putUser(world, 'admin', ADMIN_KEY, {}, ['arn:aws:iam::aws:policy/AdministratorAccess']);
  accountOf(world).rootAccessKeys = [
    {
      accessKeyId: ROOT_KEY.accessKeyId,
      secretAccessKey: ROOT_KEY.secretAccessKey,
      status: 'Active',
      createDate: '2026-11-30T09:00:00Z',
    },
  ];
  return world;
}

/** A policy document allowing the actions on the resources. */
export const allowing = (action: string | string[], resource: string | string[] = '*') => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
});

export function call(
  world: World,
  operation: Operation,
  params: Params,
  caller: ApiRequest['caller'] = ADMIN_KEY,
): ApiResult {
  return callApi(world, {
    caller,
    operation,
    params,
    region: 'us-east-1',
    sourceIp: '203.0.113.7',
  });
}

/** The response of a call that must succeed. */
export function ok(result: ApiResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.response;
}

/** The error of a call that must fail, as `{code, message}`. */
export function failure(result: ApiResult): Pick<AwsError, 'code' | 'message'> {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.response)}`);
  return { code: result.error.code, message: result.error.message };
}

/** AWS's implicit-deny message for a user of ACCOUNT (iam-facts.md, "Error shapes"). */
export function deniedMessage(user: string, action: string, resource: string): string {
  return `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}
