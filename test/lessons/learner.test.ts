// Per-learner worlds (issue 7: "every id a learner sees in a workshop can be made per-learner with
// --seed, so answers cannot simply be copied between neighbours, while grading stays
// deterministic"): the accounts a seed gives, the course relabeled into them, and grading.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../src/commands/grade.js';
import { readLessonFolder } from '../../src/commands/lesson-files.js';
import { accountsFor, LESSON_ACCOUNTS } from '../../src/console/sandbox-accounts.js';
import { createFurnishedSandbox } from '../../src/console/sandbox.js';
import { snapshotSession } from '../../src/console/session-file.js';
import { runLine } from '../../src/console/shell.js';
import { checkLesson } from '../../src/lessons/check-lessons.js';
import {
  COURSE_LEARNER,
  learnerOf,
  learnerWithSeed,
  lessonFor,
} from '../../src/lessons/learner.js';
import type { Lesson, TaskStep } from '../../src/lessons/schema.js';
import { openTask, taskSnapshot } from '../../src/lessons/task-session.js';
import { startWorld } from '../../src/lessons/task-world.js';

const folder = readLessonFolder(new URL('../../lessons', import.meta.url).pathname);
const course = folder.ok ? folder.lessons.flatMap((l) => (l.ok ? [l.lesson] : [])) : [];
const lessonNamed = (id: string): Lesson => {
  const found = course.find((lesson) => lesson.id === id);
  if (found === undefined) throw new Error(`no lesson ${id}`);
  return found;
};
const taskOf = (lesson: Lesson, id: string): TaskStep => {
  const step = lesson.steps.find((s) => s.id === id);
  if (step?.kind !== 'task') throw new Error(`no task ${id}`);
  return step;
};

const ALICE = learnerWithSeed('alice@example.com');
const BOB = learnerWithSeed('bob@example.com');
/** Ids the lessons use for accounts outside the sandbox, which a learner's must never take. */
const OUTSIDE = ['999988887777', '123456789012'];

describe('the accounts of a seed', () => {
  it('are the lessons own without a seed', () => {
    expect(accountsFor('')).toEqual({ own: '111122223333', production: '444455556666' });
    expect(COURSE_LEARNER.accounts).toBe(LESSON_ACCOUNTS);
  });

  it('are two 12-digit ids of their own, the same every time for the same seed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (seed) => {
        const { own, production } = accountsFor(seed);
        expect(own).toMatch(/^\d{12}$/);
        expect(production).toMatch(/^\d{12}$/);
        expect(own).not.toBe(production);
        for (const taken of [...OUTSIDE, LESSON_ACCOUNTS.own, LESSON_ACCOUNTS.production]) {
          expect([own, production]).not.toContain(taken);
        }
        expect(accountsFor(seed)).toEqual({ own, production });
      }),
    );
  });

  it('differ between neighbours', () => {
    expect(ALICE.accounts.own).not.toBe(BOB.accounts.own);
    expect(ALICE.accounts.production).not.toBe(BOB.accounts.production);
  });

  it('refuses a seed that is not one short line, with the reason', () => {
    expect(learnerOf('a\nb')).toEqual({ problem: expect.stringContaining('line break') as string });
    expect(learnerOf('x'.repeat(201))).toEqual({
      problem: 'the seed is 201 characters long; at most 200',
    });
    expect(learnerOf('x'.repeat(200))).toMatchObject({ seed: 'x'.repeat(200) });
  });
});

describe('a lesson as a learner with a seed gets it', () => {
  const lesson = lessonNamed('cross-account');
  const alices = lessonFor(lesson, ALICE);

  it('has the learner accounts wherever the lesson wrote the sandbox ones', () => {
    const text = JSON.stringify(alices);
    expect(text).not.toContain(LESSON_ACCOUNTS.own);
    expect(text).not.toContain(LESSON_ACCOUNTS.production);
    expect(text).toContain(`arn:aws:iam::${ALICE.accounts.production}:role/deployer`);
    // Nothing else changes: relabeling back gives the lesson as written.
    const back = text
      .replaceAll(ALICE.accounts.own, LESSON_ACCOUNTS.own)
      .replaceAll(ALICE.accounts.production, LESSON_ACCOUNTS.production);
    expect(JSON.parse(back)).toEqual(lesson);
  });

  it("keeps its ids as written, even one that holds a sandbox account's id", () => {
    // A pack may name a step after its bucket (notes-111122223333): progress, `grade --task` and
    // the misconception a wrong solution names must still find it for a learner with a seed.
    const tag = (id: string) => `${id}-${LESSON_ACCOUNTS.own}`;
    const tagged: Lesson = {
      ...lesson,
      steps: lesson.steps.map((step) =>
        step.kind !== 'task'
          ? { ...step, id: tag(step.id) }
          : {
              ...step,
              id: tag(step.id),
              checks: step.checks.map((check) => ({ ...check, id: tag(check.id) })),
              probes: step.probes?.map((probe) => ({ ...probe, id: tag(probe.id) })),
              misconceptions: step.misconceptions?.map((m) => ({
                ...m,
                key: tag(m.key),
                ...(m.see === undefined ? {} : { see: tag(m.see) }),
              })),
              wrongSolutions: step.wrongSolutions?.map((w) => ({
                ...w,
                feedback: tag(w.feedback),
              })),
            },
      ),
    };
    const ids = (of: Lesson) =>
      of.steps.flatMap((step) =>
        step.kind !== 'task'
          ? [step.id]
          : [
              step.id,
              ...step.checks.map((check) => check.id),
              ...(step.probes ?? []).map((probe) => probe.id),
              ...(step.misconceptions ?? []).flatMap((m) => [m.key, m.see ?? '']),
              ...(step.wrongSolutions ?? []).map((w) => w.feedback),
            ],
      );
    const seeded = lessonFor(tagged, ALICE);
    expect(ids(seeded)).toEqual(ids(tagged));
    expect(ids(tagged).filter((id) => id.endsWith(LESSON_ACCOUNTS.own)).length).toBeGreaterThan(10);
    // The text around them is the learner's.
    expect(JSON.stringify(taskOf(seeded, tag('deployer-role')).goal)).toContain(
      ALICE.accounts.production,
    );
    const failing = checkLesson({ ok: true, path: 'tagged.yaml', lesson: tagged }, ALICE).filter(
      (row) => !row.ok,
    );
    expect(failing).toEqual([]);
  });

  it('is the lesson itself for the course learner', () => {
    expect(lessonFor(lesson, COURSE_LEARNER)).toBe(lesson);
  });
});

describe("a learner's worlds", () => {
  const lesson = lessonNamed('app-outside-aws');
  const task = lesson.steps.find((s): s is TaskStep => s.kind === 'task');
  if (task === undefined) throw new Error('no task');
  const identity = (seeded: typeof ALICE) => {
    const started = startWorld(lessonFor(lesson, seeded), task, seeded);
    if (!started.ok) throw new Error(started.output);
    const out = runLine(started.session, 'aws sts get-caller-identity');
    const keys = runLine(started.session, 'aws iam list-access-keys --user-name admin');
    if (out.kind !== 'done' || keys.kind !== 'done') throw new Error('incomplete');
    return {
      caller: JSON.parse(out.stdout) as { Account: string; Arn: string },
      keys: keys.stdout,
      snapshot: snapshotSession(started.session),
    };
  };

  it("are in the learner's own account, with ids of their own", () => {
    const alice = identity(ALICE);
    const bob = identity(BOB);
    expect(alice.caller).toMatchObject({
      Account: ALICE.accounts.own,
      Arn: `arn:aws:iam::${ALICE.accounts.own}:user/admin`,
    });
    expect(bob.caller.Account).toBe(BOB.accounts.own);
    const keyIds = (listing: string) => listing.match(/AKIA[A-Z2-7]{16}/g) ?? [];
    expect(keyIds(alice.keys)).toHaveLength(1);
    expect(keyIds(alice.keys)).not.toEqual(keyIds(bob.keys));
  });

  it('are the same every time for the same learner (grading is deterministic)', () => {
    expect(identity(ALICE).snapshot).toBe(identity(ALICE).snapshot);
  });

  it("start again when a saved world is another learner's (the seed changed)", () => {
    const alices = lessonFor(lesson, ALICE);
    const opened = openTask(alices, taskOf(alices, task.id), undefined, ALICE);
    if (!opened.ok) throw new Error(opened.message);
    runLine(opened.session.console, 'aws iam create-user --user-name kept');
    const saved = taskSnapshot(opened.session);
    const users = (session: typeof opened.session) => {
      const out = runLine(session.console, 'aws iam list-users --query Users[].UserName');
      return out.kind === 'done' ? out.stdout : '';
    };
    const resumed = openTask(alices, taskOf(alices, task.id), saved, ALICE);
    const bobs = lessonFor(lesson, BOB);
    const restarted = openTask(bobs, taskOf(bobs, task.id), saved, BOB);
    if (!resumed.ok || !restarted.ok) throw new Error('not opened');
    expect(users(resumed.session)).toContain('kept');
    expect(users(restarted.session)).not.toContain('kept');
  });

  it('include the free sandbox, furnished in their accounts', () => {
    const session = createFurnishedSandbox('free', Date.UTC(2026, 0, 12, 9), ALICE.accounts);
    const buckets = (profile: string) => {
      const out = runLine(
        session,
        `aws s3api list-buckets --query Buckets[].Name --output text --profile ${profile}`,
      );
      return out.kind === 'done' ? out.stdout.trim() : '';
    };
    expect(buckets('default')).toBe(`sandbox-data-${ALICE.accounts.own}`);
    expect(buckets('prod')).toBe(`prod-reports-${ALICE.accounts.production}`);
  });
});

describe('grading a learner with a seed', () => {
  const lesson = lessonNamed('cross-account');
  const reference = taskOf(lesson, 'deployer-role').solution.join('\n');
  const inAlicesAccounts = reference
    .replaceAll(LESSON_ACCOUNTS.own, ALICE.accounts.own)
    .replaceAll(LESSON_ACCOUNTS.production, ALICE.accounts.production);
  const grade = (solution: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    gradeCommand(
      ['cross-account', '--task', 'deployer-role', '--solution', 'x', ...args],
      () => solution,
      env,
    );

  it("passes the learner's own answer and fails a neighbour's copied one", () => {
    expect(grade(inAlicesAccounts, ['--seed', ALICE.seed]).exitCode).toBe(0);
    const copied = grade(reference, ['--seed', ALICE.seed]);
    expect(copied.exitCode).toBe(1);
    expect(copied.stdout).toContain('✗ pipeline can assume deployer');
    expect(grade(inAlicesAccounts, ['--seed', BOB.seed]).exitCode).toBe(1);
    // Without a seed the course's own accounts are graded.
    expect(grade(reference, []).exitCode).toBe(0);
  });

  it('takes IAM_TUTOR_SEED when --seed is not given, and --seed over it', () => {
    expect(grade(inAlicesAccounts, [], { IAM_TUTOR_SEED: ALICE.seed }).exitCode).toBe(0);
    expect(
      grade(inAlicesAccounts, ['--seed', BOB.seed], { IAM_TUTOR_SEED: ALICE.seed }).exitCode,
    ).toBe(1);
  });

  it('refuses a bad seed with exit 2 and says why', () => {
    const out = grade(reference, ['--seed', 'two\nlines']);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('--seed: the seed has a control character');
    // From the environment, the message names the variable the seed came from.
    const fromEnv = grade(reference, [], { IAM_TUTOR_SEED: 'two\nlines' });
    expect(fromEnv.exitCode).toBe(2);
    expect(fromEnv.stderr).toContain('IAM_TUTOR_SEED: the seed has a control character');
  });

  it('refuses an empty --seed (an unset "$SEED"), which would grade in the course accounts', () => {
    const out = grade(inAlicesAccounts, ['--seed', ''], { IAM_TUTOR_SEED: ALICE.seed });
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('--seed: the seed is empty');
    // An empty variable is an unset one: no seed.
    expect(grade(reference, [], { IAM_TUTOR_SEED: '' }).exitCode).toBe(0);
  });
});

describe('the course for a learner with a seed', () => {
  const learner = learnerWithSeed('workshop-learner-7');
  for (const loaded of folder.ok ? folder.lessons : []) {
    it(`${loaded.ok ? loaded.lesson.id : loaded.path} passes lessons check in their accounts`, () => {
      expect(checkLesson(loaded, learner).filter((row) => !row.ok)).toEqual([]);
    });
  }
});
