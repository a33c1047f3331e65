// Grading a task: checks and probes decided by the engine, misconceptions found in the world.
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../src/commands/grade.js';
import { snapshotSession } from '../../src/console/session-file.js';
import { conditionHolds, gradeTask } from '../../src/lessons/grade.js';
import { runSolution } from '../../src/lessons/solution.js';
import { fixtureLesson, taskOf } from './helpers.js';

const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
const task = taskOf(lesson, 'role-for-app');

function graded(commands: readonly string[]) {
  const run = runSolution(lesson, task, commands);
  if (!run.ok) throw new Error(run.message);
  return run;
}

describe('gradeTask', () => {
  it('fails every check in the starting world, saying what it found', () => {
    const { grade } = graded([]);
    expect(grade.passed).toBe(false);
    expect(grade.checks.map((check) => [check.id, check.holds])).toEqual([
      ['trusts-ec2', false],
      ['in-instance-profile', false],
      ['reads-reports', false],
    ]);
    expect(grade.checks[0]?.found).toBe('NoSuchEntity: The role with name app cannot be found.');
    expect(grade.checks[2]?.found).toBe('no role arn:aws:iam::111122223333:role/app');
    expect(grade.feedback).toEqual([]);
  });

  it('passes the reference solution, every probe holding and no misconception shown', () => {
    const { grade, commands } = graded(task.solution);
    expect(commands.every((command) => command.exitCode === 0)).toBe(true);
    expect(grade).toMatchObject({ passed: true, feedback: [] });
    expect(grade.checks.every((check) => check.holds)).toBe(true);
    expect(grade.probes.map((probe) => [probe.id, probe.holds])).toEqual([
      ['cannot-write', true],
      ['cannot-read-payroll', true],
    ]);
    expect(grade.checks[0]?.found).toBe('"ec2.amazonaws.com"');
    expect(grade.checks[2]?.found).toBe('allowed');
    expect(grade.probes[0]?.found).toMatch(
      /^implicitDeny: User: arn:aws:sts::111122223333:assumed-role\/app\/iam-tutor-check is not authorized to perform: s3:PutObject/,
    );
  });

  it.each(task.wrongSolutions ?? [])('fails "$name" and names $feedback', (wrong) => {
    const { grade } = graded(wrong.commands);
    expect(grade.passed).toBe(false);
    expect(grade.feedback.map((shown) => shown.key)).toContain(wrong.feedback);
  });

  it('points the feedback back at the lesson text', () => {
    const wrong = task.wrongSolutions?.find((w) => w.feedback === 'access-keys-for-app');
    const { grade } = graded(wrong?.commands ?? []);
    expect(grade.feedback).toEqual([
      {
        key: 'access-keys-for-app',
        feedback: "An IAM user's access key on the instance is what the role replaces.",
        see: 'why-roles',
      },
    ]);
  });

  it('leaves the event log as the learner made it: checks are not requests of theirs', () => {
    const { session } = graded(task.solution);
    expect(session.world.events.map((event) => event.eventName)).toEqual([
      'CreateRole',
      'PutRolePolicy',
      'CreateInstanceProfile',
      'AddRoleToInstanceProfile',
    ]);
  });

  it('runs shell conditions on a copy: on the newest instance, the learner left where they were', () => {
    const wrong = task.wrongSolutions?.find((w) => w.feedback === 'keys-on-instance');
    const { grade, session } = graded([...(wrong?.commands ?? []), 'exit']);
    expect(grade.feedback.map((shown) => shown.key)).toEqual(['keys-on-instance']);
    // The learner is back on the laptop; the check logged in to the instance only in its copy.
    expect(session.state.current).toBe('laptop');
    expect(session.state.previous).toEqual([]);
    const events = session.world.events.map((event) => event.eventName);
    expect(events).toEqual(['RunInstances', 'DescribeInstances']);
  });

  it('finds no instance to run a shell condition on before one is launched', () => {
    const detector = task.misconceptions?.find((m) => m.key === 'keys-on-instance');
    const run = graded([]);
    expect(detector && conditionHolds(run.session, detector, 'allowed')).toEqual({
      holds: false,
      found: 'no running instance',
    });
  });

  it('changes nothing in the session it grades: world, ids, clock, machines', () => {
    const wrong = task.wrongSolutions?.find((w) => w.feedback === 'keys-on-instance');
    const { session } = graded(wrong?.commands ?? []);
    const before = snapshotSession(session);
    gradeTask(task, session);
    gradeTask(task, session);
    expect(snapshotSession(session)).toBe(before);
  });

  it('sees an account its own SCPs close to principals: checks are the tutor looking', () => {
    const { session } = graded([
      `aws organizations create-policy --name deny-iam --type SERVICE_CONTROL_POLICY --description d --content '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}'`,
      'aws organizations attach-policy --policy-id $(aws organizations list-policies --filter SERVICE_CONTROL_POLICY --query "Policies[?Name==\'deny-iam\'].Id" --output text) --target-id 444455556666',
      'aws iam create-user --user-name carol --profile prod',
    ]);
    const users = conditionHolds(
      session,
      {
        aws: 'aws iam list-users --query "Users[].UserName"',
        account: '444455556666',
        equals: ['admin'],
      },
      'allowed',
    );
    expect(users).toEqual({ holds: true, found: '["admin"]' });
  });

  it('compares with null when a check expects null, rather than with true', () => {
    const { session } = graded(task.solution);
    const noBoundary = {
      aws: 'aws iam get-role --role-name app --query Role.PermissionsBoundary',
      equals: null,
    };
    expect(conditionHolds(session, noBoundary, 'allowed')).toEqual({ holds: true, found: 'null' });
  });

  it('runs `on: instance` on the instance launched last, even in the same second', () => {
    const { grade } = graded([
      'aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f',
      'aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f',
      "ssh $(aws ec2 describe-instances --query 'Reservations[-1].Instances[0].InstanceId' --output text)",
      'aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE',
      'exit',
    ]);
    expect(grade.feedback.map((shown) => shown.key)).toContain('keys-on-instance');
  });
});

describe('iam-tutor grade --solution', () => {
  it('runs no extra empty command for the newline at the end of the file', () => {
    const solution = 'aws iam create-rol --role-name app\n\naws iam list-roles\n';
    const out = gradeCommand(
      ['app-on-ec2', '--lessons', 'test/lessons/fixtures/good', '--solution', 'x', '--json'],
      () => solution,
    );
    const report = JSON.parse(out.stdout) as { commands: { command: string }[] };
    expect(report.commands.map((c) => c.command)).toEqual([
      'aws iam create-rol --role-name app',
      'aws iam list-roles',
    ]);
  });
});

describe('a solution whose command asks (aws configure)', () => {
  it('takes the next lines as the answers, a blank one keeping the value, and reports the command', () => {
    const run = graded([
      'aws configure --profile app',
      'AKIAIOSFODNN7EXAMPLE',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '',
      'json',
      '',
      'aws configure get output --profile app',
      'aws configure get region --profile app',
    ]);
    // The answers are not listed (they may be secrets); the blank line after them runs nothing.
    expect(run.commands.map((c) => [c.command, c.exitCode])).toEqual([
      ['aws configure --profile app', 0],
      ['aws configure get output --profile app', 0],
      ['aws configure get region --profile app', 1],
    ]);
  });

  it('a solution that ends at a question fails that command as the end of input does', () => {
    const run = graded(['aws configure --profile app', 'AKIAIOSFODNN7EXAMPLE']);
    expect(run.commands).toEqual([
      { command: 'aws configure --profile app', exitCode: 255, error: '' },
    ]);
  });
});
