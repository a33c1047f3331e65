// The sandbox: a free world to experiment in. One account whose root user made an administrator,
// `admin` (AdministratorAccess, one access key), and a laptop whose `~/.aws` files hold that key,
// as someone who just ran `aws configure` would have. Everything is made through the API, so the
// world is what the same calls would make on AWS.
import { callApi } from '../aws/api.js';
import { createWorld } from '../aws/create-world.js';
import { IAM_OPERATIONS } from '../aws/iam/index.js';
import type { Params } from '../aws/operation.js';
import type { World } from '../aws/world.js';
import type { ConsoleState, Machine } from './machine.js';
import type { ConsoleSession } from './session.js';

export const SANDBOX_ACCOUNT = '111122223333';
const LAPTOP_USER = 'learner';

/** A call made as the account's root user while setting up; set-up calls must not fail. */
function asRoot(world: World, operation: string, params: Params): Record<string, unknown> {
  const found = IAM_OPERATIONS.find((op) => op.name === operation);
  if (found === undefined) throw new Error(`no IAM operation ${operation}`);
  const result = callApi(world, {
    caller: { rootOf: SANDBOX_ACCOUNT },
    operation: found,
    params,
    region: 'us-east-1',
    sourceIp: '198.51.100.10',
  });
  if (!result.ok) throw new Error(`sandbox set-up: ${operation}: ${result.error.message}`);
  return result.response;
}

function laptop(accessKeyId: string, secretAccessKey: string): Machine {
  const home = `/home/${LAPTOP_USER}`;
  return {
    name: 'laptop',
    user: LAPTOP_USER,
    home,
    files: {
      [`${home}/.aws/credentials`]: `[default]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
      [`${home}/.aws/config`]: '[default]\nregion = us-east-1\noutput = json\n',
    },
    env: { HOME: home, USER: LAPTOP_USER },
    // An address of the documentation range (RFC 5737), like the examples of the AWS docs.
    sourceIp: '198.51.100.10',
  };
}

/** A new sandbox; `now` starts its clock (epoch milliseconds), `seed` its ids. */
export function createSandbox(seed: string, now: number): ConsoleSession {
  const world = createWorld({ seed, now, accounts: [{ id: SANDBOX_ACCOUNT, name: 'sandbox' }] });
  asRoot(world, 'CreateUser', { UserName: 'admin' });
  asRoot(world, 'AttachUserPolicy', {
    UserName: 'admin',
    PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  });
  const { AccessKey: key } = asRoot(world, 'CreateAccessKey', { UserName: 'admin' }) as {
    AccessKey: { AccessKeyId: string; SecretAccessKey: string };
  };
  // The set-up is not the learner's doing: their event log starts empty.
  world.events = [];
  const state: ConsoleState = {
    formatVersion: 1,
    machines: { laptop: laptop(key.AccessKeyId, key.SecretAccessKey) },
    current: 'laptop',
    previous: [],
    history: [],
  };
  return { world, state };
}
