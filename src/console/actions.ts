// The action menus: the common IAM tasks as short forms ("Create a user", "Assume a role", a guided
// policy builder) that end in the exact `aws ...` command they stand for. The command runs in the
// console like a typed one, so the learner sees, and learns, the real command.
import { iamActions } from '../aws/operations.js';
import type { World } from '../aws/world.js';
import { worldValues } from './complete-line.js';
import { shellQuote } from './shell-quote.js';

export interface Choice {
  label: string;
  value: string;
}

export type Field =
  | {
      name: string;
      prompt: string;
      kind: 'text';
      initial?: string;
      check?: (value: string) => string | undefined;
    }
  | { name: string; prompt: string; kind: 'choice'; choices: Choice[] }
  | { name: string; prompt: string; kind: 'multi'; choices: Choice[] };

/** The answers so far; a `multi` field's values are joined with newlines. */
export type Answers = Readonly<Record<string, string>>;

export interface Action {
  id: string;
  title: string;
  /** The fields in order; a field that does not apply to the answers so far is `undefined`. */
  fields: (world: World, answers: Answers) => (Field | undefined)[];
  command: (answers: Answers) => string;
}

// IAM's name rules (CreateUser, CreateRole, PutUserPolicy): 1 to 64 (128 for policies) of these.
const IAM_NAME = /^[\w+=,.@-]+$/;
const nameCheck = (max: number) => (value: string) =>
  IAM_NAME.test(value) && value.length <= max
    ? undefined
    : `Use 1 to ${max} letters, digits or + = , . @ _ -`;

// Names from every account, once each: a command acts in the caller's account, whichever it is.
const named = (values: string[]): Choice[] =>
  [...new Set(values)].map((value) => ({ label: value, value }));

const users = (world: World): Field => ({
  name: 'user',
  prompt: 'Which user?',
  kind: 'choice',
  choices: named(worldValues(world, { member: 'UserName' })),
});

const roles = (world: World): Field => ({
  name: 'role',
  prompt: 'Which role?',
  kind: 'choice',
  choices: named(worldValues(world, { member: 'RoleName' })),
});

const managedPolicies = (world: World): Field => ({
  name: 'policy',
  prompt: 'Which managed policy?',
  kind: 'choice',
  choices: worldValues(world, { member: 'PolicyArn' }).map((arn) => ({
    label: arn.split('/').pop() ?? arn,
    value: arn,
  })),
});

const document = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

/** The trust policy of a new role, for the kind of principal chosen. */
function trustDocument(answers: Answers): string {
  switch (answers.trusted) {
    case 'account':
      return document({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${answers.account ?? ''}:root` },
        Action: 'sts:AssumeRole',
      });
    default:
      return document({
        Effect: 'Allow',
        Principal: { Service: answers.trusted ?? '' },
        Action: 'sts:AssumeRole',
      });
  }
}

const SERVICES = ['s3', 'iam', 'sts', 'ec2'];

/** The resource choice that asks for an ARN to type. */
const TYPED_ARN = 'typed';

/** Resources the chosen service's actions can name in this world, and "*". */
function resourceChoices(world: World, service: string): Choice[] {
  const typed = { label: 'an ARN I type', value: TYPED_ARN };
  const everything = { label: '* (every resource: rarely what you want)', value: '*' };
  const inWorld: Choice[] =
    service === 's3'
      ? Object.keys(world.buckets).flatMap((bucket) => [
          { label: `the objects in ${bucket}`, value: `arn:aws:s3:::${bucket}/*` },
          {
            label: `the bucket ${bucket} itself (for s3:ListBucket)`,
            value: `arn:aws:s3:::${bucket}`,
          },
        ])
      : service === 'iam' || service === 'sts'
        ? named(worldValues(world, { member: 'RoleArn' }))
        : [];
  return [...inWorld, typed, everything];
}

/** The condition block the builder offers, by its choice value. */
function condition(answers: Answers): Record<string, unknown> | undefined {
  if (answers.condition === 'mfa') return { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
  if (answers.condition === 'ip') return { IpAddress: { 'aws:SourceIp': answers.cidr ?? '' } };
  return undefined;
}

/** The policy the builder writes from its answers. */
export function builtPolicy(answers: Answers): string {
  const actions = (answers.actions ?? '').split('\n').filter(Boolean);
  const resources = (answers.resources ?? '')
    .split('\n')
    .filter(Boolean)
    .map((resource) => (resource === TYPED_ARN ? (answers.arn ?? '') : resource));
  const when = condition(answers);
  return document({
    Effect: answers.effect ?? 'Allow',
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: resources.length === 1 ? resources[0] : resources,
    ...(when === undefined ? {} : { Condition: when }),
  });
}

const policyBuilder: Action = {
  id: 'build-policy',
  title: 'Write a policy (guided) and put it on a user or a role',
  fields: (world, answers) => [
    {
      name: 'effect',
      prompt: 'Effect?',
      kind: 'choice',
      choices: [
        { label: 'Allow', value: 'Allow' },
        { label: 'Deny (overrides every Allow)', value: 'Deny' },
      ],
    },
    { name: 'service', prompt: 'Which service?', kind: 'choice', choices: named(SERVICES) },
    {
      name: 'actions',
      prompt: 'Which actions?',
      kind: 'multi',
      choices: named(iamActions(answers.service ?? '')),
    },
    {
      name: 'resources',
      prompt: 'On which resources?',
      kind: 'multi',
      choices: resourceChoices(world, answers.service ?? ''),
    },
    (answers.resources ?? '').split('\n').includes(TYPED_ARN)
      ? {
          name: 'arn',
          prompt: 'Which ARN?',
          kind: 'text',
          check: (v) => (v.startsWith('arn:') ? undefined : 'An ARN starts with arn:'),
        }
      : undefined,
    {
      name: 'condition',
      prompt: 'Only when?',
      kind: 'choice',
      choices: [
        { label: 'always (no condition)', value: 'none' },
        { label: 'the caller signed in with MFA', value: 'mfa' },
        { label: 'the request comes from an address range', value: 'ip' },
      ],
    },
    answers.condition === 'ip'
      ? { name: 'cidr', prompt: 'Which addresses (CIDR)?', kind: 'text', initial: '203.0.113.0/24' }
      : undefined,
    {
      name: 'holder',
      prompt: 'Put it on?',
      kind: 'choice',
      choices: [
        ...named(worldValues(world, { member: 'UserName' }).map((u) => `user ${u}`)),
        ...named(worldValues(world, { member: 'RoleName' }).map((r) => `role ${r}`)),
      ],
    },
    { name: 'name', prompt: 'Policy name?', kind: 'text', check: nameCheck(128) },
  ],
  command: (answers) => {
    const [kind = 'user', holder = ''] = (answers.holder ?? '').split(' ');
    return [
      `aws iam put-${kind}-policy --${kind}-name ${shellQuote(holder)}`,
      `--policy-name ${shellQuote(answers.name ?? '')}`,
      `--policy-document ${shellQuote(builtPolicy(answers))}`,
    ].join(' ');
  },
};

/** Every access key of every user: `alice AKIA...` for the command, with what it is. */
function accessKeys(world: World): Field {
  const choices = Object.values(world.accounts).flatMap((account) =>
    Object.values(account.iam.users).flatMap((user) =>
      user.accessKeys.map((key) => ({
        label: `${key.accessKeyId} of ${user.userName} (${key.status}, made ${key.createDate.slice(0, 10)})`,
        value: `${user.userName} ${key.accessKeyId}`,
      })),
    ),
  );
  return { name: 'key', prompt: 'Which access key?', kind: 'choice', choices };
}

const keyOf = (answers: Answers) => {
  const [user = '', key = ''] = (answers.key ?? '').split(' ');
  return `--user-name ${shellQuote(user)} --access-key-id ${key}`;
};

export const ACTIONS: readonly Action[] = [
  {
    id: 'create-user',
    title: 'Create a user',
    fields: () => [{ name: 'user', prompt: 'User name?', kind: 'text', check: nameCheck(64) }],
    command: (a) => `aws iam create-user --user-name ${shellQuote(a.user ?? '')}`,
  },
  {
    id: 'attach-user-policy',
    title: 'Attach a managed policy to a user',
    fields: (world) => [users(world), managedPolicies(world)],
    command: (a) =>
      `aws iam attach-user-policy --user-name ${shellQuote(a.user ?? '')} --policy-arn ${a.policy ?? ''}`,
  },
  {
    id: 'create-access-key',
    title: 'Create an access key (long-term: think twice)',
    fields: (world) => [users(world)],
    command: (a) => `aws iam create-access-key --user-name ${shellQuote(a.user ?? '')}`,
  },
  {
    id: 'deactivate-access-key',
    title: 'Deactivate an access key (it stops working; it can be made Active again)',
    fields: (world) => [accessKeys(world)],
    command: (a) => `aws iam update-access-key ${keyOf(a)} --status Inactive`,
  },
  {
    id: 'delete-access-key',
    title: 'Delete an access key (for good)',
    fields: (world) => [accessKeys(world)],
    command: (a) => `aws iam delete-access-key ${keyOf(a)}`,
  },
  {
    id: 'create-role',
    title: 'Create a role',
    fields: (_world, answers) => [
      { name: 'role', prompt: 'Role name?', kind: 'text', check: nameCheck(64) },
      {
        name: 'trusted',
        prompt: 'Who may assume it?',
        kind: 'choice',
        choices: [
          { label: 'EC2 instances (ec2.amazonaws.com)', value: 'ec2.amazonaws.com' },
          { label: 'Lambda functions (lambda.amazonaws.com)', value: 'lambda.amazonaws.com' },
          { label: 'principals of an AWS account', value: 'account' },
        ],
      },
      answers.trusted === 'account'
        ? {
            name: 'account',
            prompt: 'Which account id?',
            kind: 'text',
            check: (v) => (/^\d{12}$/.test(v) ? undefined : 'An account id is 12 digits'),
          }
        : undefined,
    ],
    command: (a) =>
      `aws iam create-role --role-name ${shellQuote(a.role ?? '')} --assume-role-policy-document ${shellQuote(trustDocument(a))}`,
  },
  {
    id: 'attach-role-policy',
    title: 'Attach a managed policy to a role',
    fields: (world) => [roles(world), managedPolicies(world)],
    command: (a) =>
      `aws iam attach-role-policy --role-name ${shellQuote(a.role ?? '')} --policy-arn ${a.policy ?? ''}`,
  },
  policyBuilder,
  {
    id: 'assume-role',
    title: 'Assume a role',
    fields: (world) => [
      {
        name: 'role',
        prompt: 'Which role?',
        kind: 'choice',
        choices: named(worldValues(world, { member: 'RoleArn' })),
      },
      {
        name: 'session',
        prompt: 'Session name?',
        kind: 'text',
        initial: 'learner',
        check: nameCheck(64),
      },
    ],
    command: (a) =>
      `aws sts assume-role --role-arn ${a.role ?? ''} --role-session-name ${shellQuote(a.session ?? '')}`,
  },
];

/** The next field to ask, or `undefined` when every field that applies is answered. */
export function nextField(action: Action, world: World, answers: Answers): Field | undefined {
  return action.fields(world, answers).find((f) => f !== undefined && !(f.name in answers));
}
