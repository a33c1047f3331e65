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
import { currentMachine, type ConsoleState, type Machine } from './machine.js';
import { LESSON_ACCOUNTS, relabelText, type SandboxAccounts } from './sandbox-accounts.js';
import type { ConsoleSession } from './session.js';
import { runLine } from './shell.js';

export const SANDBOX_ACCOUNT = LESSON_ACCOUNTS.own;
export const PRODUCTION_ACCOUNT = LESSON_ACCOUNTS.production;
const LAPTOP_USER = 'learner';

/** The learner's own account of a sandbox: the one that manages its organization. */
export function ownAccount(world: World): string {
  return world.organization?.managementAccount ?? SANDBOX_ACCOUNT;
}

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

/**
 * A new sandbox; `now` starts its clock (epoch milliseconds), `seed` its ids, `accounts` its two
 * account ids (a workshop's learner has their own).
 */
export function createSandbox(
  seed: string,
  now: number,
  accounts: SandboxAccounts = LESSON_ACCOUNTS,
): ConsoleSession {
  const world = createWorld({
    seed,
    now,
    accounts: [
      { id: accounts.own, name: 'sandbox' },
      { id: accounts.production, name: 'production' },
    ],
  });
  createOrganization(world, [accounts.own, accounts.production]);
  const own = administrator(world, accounts.own);
  const production = administrator(world, accounts.production);
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

/**
 * What the free sandbox has on top of the lessons' base world, made with the commands a learner
 * would type (so it is what the same commands make on AWS): a bucket in each account, GitHub's
 * OIDC provider and a SAML identity provider, and an instance running with a role that reads
 * the sandbox's bucket.
 */
const FURNISHING = [
  'aws s3api create-bucket --bucket sandbox-data-111122223333',
  'aws s3api put-object --bucket sandbox-data-111122223333 --key hello.txt --body hello.txt',
  'aws s3api create-bucket --bucket prod-reports-444455556666 --profile prod',
  'aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com',
  'saml-idp metadata --outfile corp-idp.xml',
  'aws iam create-saml-provider --name Corp --saml-metadata-document file://corp-idp.xml',
  `aws iam create-role --role-name sandbox-app --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`,
  `aws iam put-role-policy --role-name sandbox-app --policy-name read-data --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::sandbox-data-111122223333","arn:aws:s3:::sandbox-data-111122223333/*"]}]}'`,
  'aws iam create-instance-profile --instance-profile-name sandbox-app',
  'aws iam add-role-to-instance-profile --instance-profile-name sandbox-app --role-name sandbox-app',
  'aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f --instance-type t3.micro --iam-instance-profile Name=sandbox-app',
];

/** The free sandbox of the tutorial: the base world, furnished; its log and history empty. */
export function createFurnishedSandbox(
  seed: string,
  now: number,
  accounts: SandboxAccounts = LESSON_ACCOUNTS,
): ConsoleSession {
  const session = createSandbox(seed, now, accounts);
  const home = currentMachine(session.state).home;
  currentMachine(session.state).files[`${home}/hello.txt`] = 'Hello from the sandbox.\n';
  for (const line of FURNISHING.map((command) => relabelText(command, accounts))) {
    const result = runLine(session, line);
    if (result.kind !== 'done' || result.exitCode !== 0)
      throw new Error(`sandbox set-up: ${line}: ${JSON.stringify(result)}`);
  }
  session.world.events = [];
  session.state.history = [];
  session.state.lastStatus = undefined;
  return session;
}
