// The action menus: each form asks only what applies, and its command is one the console (and
// the real CLI) accepts, with the effect the title promises.
import { describe, expect, it } from 'vitest';
import { ACTIONS, builtPolicy, nextField, type Answers } from '../../src/console/actions.js';
import { createSandbox } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { runLine } from '../../src/console/shell.js';

const action = (id: string) => {
  const found = ACTIONS.find((a) => a.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

/** Answers the form as a learner would, returning the names of the fields it asked. */
function fill(session: ConsoleSession, id: string, given: Answers) {
  const asked: string[] = [];
  const answers: Record<string, string> = {};
  for (let field = nextField(action(id), session.world, answers); field !== undefined;) {
    asked.push(field.name);
    const value = given[field.name];
    if (value === undefined) throw new Error(`no answer for ${field.name}`);
    if (field.kind !== 'text')
      for (const v of value.split('\n')) expect(field.choices.map((c) => c.value)).toContain(v);
    else expect(field.check?.(value)).toBeUndefined();
    answers[field.name] = value;
    field = nextField(action(id), session.world, answers);
  }
  return { asked, command: action(id).command(answers) };
}

function run(session: ConsoleSession, line: string) {
  const result = runLine(session, line);
  if (result.kind !== 'done') throw new Error(line);
  return result;
}

const sandbox = () => createSandbox('actions', Date.UTC(2026, 0, 12, 9));

describe('action menus', () => {
  it('create a user, attach a policy, create a key: the exact commands, and they work', () => {
    const session = sandbox();
    const user = fill(session, 'create-user', { user: 'alice' });
    expect(user.command).toBe('aws iam create-user --user-name alice');
    expect(run(session, user.command).exitCode).toBe(0);
    const attach = fill(session, 'attach-user-policy', {
      user: 'alice',
      policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    expect(attach.asked).toEqual(['user', 'policy']);
    expect(run(session, attach.command).exitCode).toBe(0);
    const key = fill(session, 'create-access-key', { user: 'alice' });
    expect(run(session, key.command).stdout).toContain('"AccessKeyId": "AKIA');
  });

  it('a role for an account asks for the account id; one for EC2 does not', () => {
    const session = sandbox();
    const forEc2 = fill(session, 'create-role', { role: 'app', trusted: 'ec2.amazonaws.com' });
    expect(forEc2.asked).toEqual(['role', 'trusted']);
    const forAccount = fill(session, 'create-role', {
      role: 'tooling',
      trusted: 'account',
      account: '444455556666',
    });
    expect(forAccount.asked).toEqual(['role', 'trusted', 'account']);
    expect(run(session, forAccount.command).exitCode).toBe(0);
    const trust = run(
      session,
      'aws iam get-role --role-name tooling --query Role.AssumeRolePolicyDocument.Statement[0].Principal.AWS --output text',
    );
    expect(trust.stdout).toBe('arn:aws:iam::444455556666:root\n');
    const assume = fill(session, 'assume-role', {
      role: 'arn:aws:iam::111122223333:role/tooling',
      session: 'learner',
    });
    expect(assume.command).toBe(
      'aws sts assume-role --role-arn arn:aws:iam::111122223333:role/tooling --role-session-name learner',
    );
  });

  it('refuses names IAM refuses, before running anything', () => {
    const field = nextField(action('create-user'), sandbox().world, {});
    expect(field?.kind === 'text' && field.check?.('two words')).toBe(
      'Use 1 to 64 letters, digits or + = , . @ _ -',
    );
  });

  it('the policy builder writes the JSON and puts it on the holder; the engine decides by it', () => {
    const session = sandbox();
    run(session, 'aws s3api create-bucket --bucket reports-111122223333');
    const built = fill(session, 'build-policy', {
      effect: 'Allow',
      service: 's3',
      actions: 's3:GetObject',
      resources: 'arn:aws:s3:::reports-111122223333/*',
      condition: 'ip',
      cidr: '198.51.100.0/24',
      holder: 'user admin',
      name: 'read-reports',
    });
    expect(built.asked).toContain('cidr');
    expect(built.command).toBe(
      `aws iam put-user-policy --user-name admin --policy-name read-reports --policy-document '${builtPolicy(
        {
          effect: 'Allow',
          actions: 's3:GetObject',
          resources: 'arn:aws:s3:::reports-111122223333/*',
          condition: 'ip',
          cidr: '198.51.100.0/24',
        },
      )}'`,
    );
    expect(run(session, built.command).exitCode).toBe(0);
    const stored = run(
      session,
      'aws iam get-user-policy --user-name admin --policy-name read-reports --query PolicyDocument.Statement[0]',
    );
    expect(JSON.parse(stored.stdout)).toEqual({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::reports-111122223333/*',
      Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
    });
  });

  it('several actions and resources become lists; no condition, no Condition element', () => {
    expect(
      JSON.parse(
        builtPolicy({
          effect: 'Deny',
          actions: 's3:DeleteObject\ns3:PutObject',
          resources: '*',
          condition: 'none',
        }),
      ),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: ['s3:DeleteObject', 's3:PutObject'], Resource: '*' }],
    });
  });

  it('offers the actions the simulated service has, as IAM names them', () => {
    const field = nextField(action('build-policy'), sandbox().world, {
      effect: 'Allow',
      service: 's3',
    });
    const values = field?.kind === 'multi' ? field.choices.map((c) => c.value) : [];
    expect(values).toContain('s3:ListBucket');
    expect(values).toContain('s3:GetObject');
    expect(values.every((v) => v.startsWith('s3:'))).toBe(true);
  });

  it('takes a typed ARN among the resources, and offers the roles for sts', () => {
    const session = sandbox();
    run(
      session,
      `aws iam create-role --role-name ops --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}'`,
    );
    const roles = nextField(action('build-policy'), session.world, {
      effect: 'Allow',
      service: 'sts',
      actions: 'sts:AssumeRole',
    });
    expect(roles?.kind === 'multi' && roles.choices.map((c) => c.value)).toEqual([
      'arn:aws:iam::111122223333:role/ops',
      'typed',
      '*',
    ]);
    const built = fill(session, 'build-policy', {
      effect: 'Allow',
      service: 'sts',
      actions: 'sts:AssumeRole',
      resources: 'typed',
      arn: 'arn:aws:iam::444455556666:role/deployer',
      condition: 'mfa',
      holder: 'user admin',
      name: 'assume-deployer',
    });
    expect(built.asked).toContain('arn');
    expect(run(session, built.command).exitCode).toBe(0);
    const stored = run(
      session,
      'aws iam get-user-policy --user-name admin --policy-name assume-deployer --query PolicyDocument.Statement[0].Resource --output text',
    );
    expect(stored.stdout).toBe('arn:aws:iam::444455556666:role/deployer\n');
  });

  it("deactivates and deletes an access key chosen among every user's keys", () => {
    const session = sandbox();
    const field = nextField(action('deactivate-access-key'), session.world, {});
    const choice = field?.kind === 'choice' ? field.choices[0] : undefined;
    expect(choice?.label).toMatch(/^AKIA[A-Z2-7]{16} of admin \(Active, made 2026-01-12\)$/);
    const deactivate = fill(session, 'deactivate-access-key', { key: choice?.value ?? '' });
    expect(deactivate.command).toMatch(
      /^aws iam update-access-key --user-name admin --access-key-id AKIA[A-Z2-7]{16} --status Inactive$/,
    );
    // Run with the production account's admin: the sandbox's own key is the one made inactive.
    expect(run(session, `${deactivate.command} --profile prod`).stderr).toContain('NoSuchEntity');
    expect(run(session, deactivate.command).exitCode).toBe(0);
    const remove = fill(session, 'delete-access-key', { key: choice?.value ?? '' });
    expect(remove.command).toMatch(
      /^aws iam delete-access-key --user-name admin --access-key-id AKIA/,
    );
  });
});
