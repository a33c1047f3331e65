// The sandbox: a free world to experiment in. Two accounts in an organization, as cross-account
// access and SCPs need: the learner's own, which manages the organization and whose root user made
// an administrator `admin` (AdministratorAccess, one access key), and a production account, a
// member (so SCPs limit it), with an administrator of its own. The laptop's `~/.aws` files
// hold both keys (profiles `default` and `prod`), as someone who ran `aws configure` twice would
// have. Everything is made through the API, so the world is what the same calls make on AWS.
import { callApi } from '../aws/api.js';
import { createWorld } from '../aws/create-world.js';
import { findOperation } from '../aws/operations.js';
import { createOrganization } from '../aws/organizations.js';
import type { Params } from '../aws/operation.js';
import type { World } from '../aws/world.js';
import type { ConsoleState, Machine } from './machine.js';
import type { ConsoleSession } from './session.js';

export const SANDBOX_ACCOUNT = '111122223333';
export const PRODUCTION_ACCOUNT = '444455556666';
const LAPTOP_USER = 'learner';

/** A call made as the account's root user while setting up; set-up calls must not fail. */
function asRoot(
  world: World,
  account: string,
  operation: string,
  params: Params,
): Record<string, unknown> {
  const found = findOperation('iam', operation);
  if (found === undefined) throw new Error(`no IAM operation ${operation}`);
  const result = callApi(world, {
    caller: { rootOf: account },
    operation: found,
    params,
    region: 'us-east-1',
    sourceIp: '198.51.100.10',
  });
  if (!result.ok) throw new Error(`sandbox set-up: ${operation}: ${result.error.message}`);
  return result.response;
}

interface Key {
  AccessKeyId: string;
  SecretAccessKey: string;
}

/** An administrator user with one access key, made by the account's root user. */
function administrator(world: World, account: string): Key {
  asRoot(world, account, 'CreateUser', { UserName: 'admin' });
  asRoot(world, account, 'AttachUserPolicy', {
    UserName: 'admin',
    PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  });
  const created = asRoot(world, account, 'CreateAccessKey', { UserName: 'admin' }) as {
    AccessKey: Key;
  };
  return created.AccessKey;
}

const credentialsSection = (name: string, key: Key) =>
  `[${name}]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`;

function laptop(own: Key, production: Key): Machine {
  const home = `/home/${LAPTOP_USER}`;
  return {
    name: 'laptop',
    user: LAPTOP_USER,
    home,
    files: {
      [`${home}/.aws/credentials`]: `${credentialsSection('default', own)}\n${credentialsSection('prod', production)}`,
      [`${home}/.aws/config`]:
        '[default]\nregion = us-east-1\noutput = json\n\n[profile prod]\nregion = us-east-1\n',
    },
    env: { HOME: home, USER: LAPTOP_USER },
    // An address of the documentation range (RFC 5737), like the examples of the AWS docs.
    sourceIp: '198.51.100.10',
  };
}

/** A new sandbox; `now` starts its clock (epoch milliseconds), `seed` its ids. */
export function createSandbox(seed: string, now: number): ConsoleSession {
  const world = createWorld({
    seed,
    now,
    accounts: [
      { id: SANDBOX_ACCOUNT, name: 'sandbox' },
      { id: PRODUCTION_ACCOUNT, name: 'production' },
    ],
  });
  createOrganization(world, [SANDBOX_ACCOUNT, PRODUCTION_ACCOUNT]);
  const own = administrator(world, SANDBOX_ACCOUNT);
  const production = administrator(world, PRODUCTION_ACCOUNT);
  // The set-up is not the learner's doing: their event log starts empty.
  world.events = [];
  const state: ConsoleState = {
    formatVersion: 1,
    machines: { laptop: laptop(own, production) },
    current: 'laptop',
    previous: [],
    history: [],
  };
  return { world, state };
}
