// The tutorial's screens with ink-testing-library: keys in, frames out.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keyboard, settled } from './keys.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { loadLessons } from '../../src/lessons/load.js';
import { COURSE_LEARNER, learnerWithSeed, lessonsFor } from '../../src/lessons/learner.js';
import { builtInCourse } from '../../src/lessons/pack.js';
import { BUILT_IN_PROGRESS, ProgressStore } from '../../src/progress/store.js';
import { App } from '../../src/ui/app.js';
import { LearnerContext } from '../../src/ui/learner-context.js';

const FIXTURE = 'test/lessons/fixtures/good/01-app-on-ec2.yaml';

/** The sample task's reference solution, as the learner types it. */
function taskSolution(): string[] {
  const [entry] = loadLessons([{ path: FIXTURE, text: readFileSync(FIXTURE, 'utf8') }]);
  const task = entry?.ok ? entry.lesson.steps.find((step) => step.kind === 'task') : undefined;
  return task?.kind === 'task' ? task.solution : [];
}
const ENTER = '\r';
const DOWN = '\u001b[B';
const ESC = '\u001b';

function app(extra: { path: string; text: string }[] = [], learner = COURSE_LEARNER) {
  const lessons = lessonsFor(
    loadLessons([{ path: FIXTURE, text: readFileSync(FIXTURE, 'utf8') }, ...extra]),
    learner,
  );
  const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-ui-'));
  const store = new ProgressStore({ dataDir: dir, now: () => new Date() });
  const interrupts: number[] = [];
  const rendered = render(
    <LearnerContext.Provider value={learner}>
      <App
        course={builtInCourse(lessons, BUILT_IN_PROGRESS)}
        stores={new Map([[BUILT_IN_PROGRESS, store]])}
        notices={[]}
        newSandbox={() => createSandbox('ui', Date.UTC(2026, 0, 12, 9), learner.accounts)}
        onInterrupt={() => interrupts.push(1)}
      />
    </LearnerContext.Provider>,
  );
  const keys = keyboard(rendered);
  return { ...rendered, keys, store, interrupts };
}

describe('the tutorial', () => {
  it('lists the lessons on Home with a status mark, a broken one too, then the sandbox', async () => {
    const rendered = app([{ path: 'lessons/02-broken.yaml', text: 'id: [' }]);
    const { lastFrame, keys } = rendered;
    await settled(rendered);
    const home = lastFrame() ?? '';
    expect(home).toContain('0 of 1 lessons completed');
    expect(home).toContain('❯ · 1. An application on EC2  (15 min)');
    expect(home).toContain('✗ lessons/02-broken.yaml (broken)');
    await keys(DOWN, ENTER);
    expect(lastFrame()).toContain(
      'This lesson file does not load: lessons/02-broken.yaml:1: not valid YAML',
    );
  });

  it('shows the keys of the screen on ? and hides them on ? again', async () => {
    const { lastFrame, keys } = app();
    await keys('?');
    expect(lastFrame()).toMatch(/Keys\n {2}↑ ↓ or j k +move\n/);
    await keys('?');
    expect(lastFrame()).not.toContain('Keys');
    await keys(ENTER, '?');
    expect(lastFrame()).toContain('  Esc or ←    previous step');
  });

  it('goes through a read step and a quiz, with the feedback of the option chosen', async () => {
    const { lastFrame, keys, store } = app();
    await keys(ENTER);
    expect(lastFrame()).toContain('An application on EC2 · Step 1/4');
    // Inline markdown: the emphasis markers go, a code span keeps its backticks.
    expect(lastFrame()).toContain('gets temporary credentials');
    expect(lastFrame()).toContain('No `AKIA` key is stored anywhere.');
    await keys(ENTER);
    expect(lastFrame()).toContain('Step 2/4');
    await keys(ENTER);
    expect(lastFrame()).toContain('✗ Not quite.');
    expect(lastFrame()).toContain('Keys on disk leak and never expire.');
    await keys(DOWN, ENTER);
    expect(lastFrame()).toContain('✓ Right.');
    expect(store.lesson('app-on-ec2')?.state.steps['which-credentials']).toEqual({
      kind: 'question',
      answers: 2,
      firstRight: false,
      right: true,
    });
  });

  it('runs the task in its console: the checklist ticks, hints come in tiers, Next waits for the checks', async () => {
    const { lastFrame, keys } = app();
    await keys(ENTER, ENTER, DOWN, ENTER, 'n', DOWN, DOWN, ENTER, 'n');
    expect(lastFrame()).toContain('Step 4/4');
    expect(lastFrame()).toContain('· The role app trusts EC2');
    await keys('hint', ENTER);
    expect(lastFrame()).toContain(
      "Hint 1 of 2: The role's trust policy names the service that uses it.",
    );
    await keys('next', ENTER);
    expect(lastFrame()).toContain('the task is not done yet: its checks must all pass');
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    });
    await keys(
      `aws iam create-role --role-name app --assume-role-policy-document '${trust}' --query Role.RoleName --output text`,
      ENTER,
    );
    expect(lastFrame()).toContain('✓ The role app trusts EC2');
    expect(lastFrame()).toMatch(/^app$/m);
    // Why takes the whole task area, and the console keeps its output behind it.
    await keys('\u0019');
    expect(lastFrame()).toContain('The AWS evaluation flowchart, in order:');
    expect(lastFrame()).not.toContain('A role for the reporting application');
    await keys(ESC);
    expect(lastFrame()).toContain('A role for the reporting application');
    expect(lastFrame()).toMatch(/^app$/m);
    for (const command of taskSolution().slice(1)) await keys(command, ENTER);
    expect(lastFrame()).toContain('✓ Task complete: every check passes. Type next to go on.');
    await keys('next', ENTER);
    expect(lastFrame()).toContain('That was the last lesson');
    const done = lastFrame() ?? '';
    expect(done).toContain('✓ Lesson complete');
    // Both questions right at once, the task passed after one hint of two.
    expect(done).toContain('Score 98/100 (3 of 3 graded steps solved)');
  });

  it("builds a workshop learner's task world in their own account (--seed)", async () => {
    const alice = learnerWithSeed('alice');
    const { lastFrame, keys } = app([], alice);
    await keys(ENTER, ENTER, DOWN, ENTER, 'n', DOWN, DOWN, ENTER, 'n');
    expect(lastFrame()).toContain('Step 4/4');
    await keys('aws sts get-caller-identity --query Arn --output text', ENTER);
    expect(lastFrame()).toContain(`arn:aws:iam::${alice.accounts.own}:user/admin`);
    expect(lastFrame()).not.toContain('111122223333');
  });

  it('a prediction says what AWS decides and where; w draws the whole flowchart, Esc comes back', async () => {
    const { lastFrame, keys } = app();
    await keys(ENTER, ENTER, DOWN, ENTER, 'n', ENTER);
    const answered = lastFrame() ?? '';
    expect(answered).toContain('✗ Not quite.');
    expect(answered).toContain('AWS decides: ✗ DENIED: no statement allows it (implicit deny)');
    expect(answered).toContain('Decided at: Do the identity-based policies allow?');
    await keys('w');
    expect(lastFrame()).toContain('s3:PutObject on arn:aws:s3:::reports-111122223333/q3.csv');
    expect(lastFrame()).toMatch(/✗ no +Do the identity-based policies allow\? +◀ decided here/);
    await keys(ESC);
    expect(lastFrame()).toContain('Step 3/4');
    expect(lastFrame()).toContain('What does AWS decide?');
  });

  it('restart puts the task back to its starting world, and the saved world with it', async () => {
    const { lastFrame, keys, store } = app();
    await keys(ENTER, ENTER, DOWN, ENTER, 'n', DOWN, DOWN, ENTER, 'n');
    const [first] = taskSolution();
    await keys(first ?? '', ENTER);
    expect(lastFrame()).toContain('✓ The role app trusts EC2');
    await keys('restart', ENTER);
    expect(lastFrame()).toContain('Type restart again to do it.');
    expect(lastFrame()).toContain('✓ The role app trusts EC2');
    await keys('restart', ENTER);
    expect(lastFrame()).toContain('The task starts over: its world is as it was at the start.');
    expect(lastFrame()).toContain('· The role app trusts EC2');
    await keys('aws iam list-roles --query Roles[].RoleName --output text', ENTER);
    expect(lastFrame()).not.toMatch(/^app$/m);
    const saved = store.lesson('app-on-ec2')?.state.steps['role-for-app'];
    expect(saved?.kind === 'task' && saved.world).not.toContain('role/app');
  });

  it('ends a lesson with its score and the next lesson, which Home then puts first', async () => {
    const reading = (id: string, title: string) =>
      [
        `id: ${id}`,
        `title: ${title}`,
        'summary: Reading.',
        'scenario: basics',
        'minutes: 10',
        'steps:',
        '  - { kind: read, id: only, text: Just this. }',
      ].join('\n');
    const { lastFrame, keys } = app([
      { path: 'lessons/02-first-read.yaml', text: reading('first-read', 'First read') },
      { path: 'lessons/03-second-read.yaml', text: reading('second-read', 'Second read') },
    ]);
    await keys(DOWN, ENTER, ENTER);
    expect(lastFrame()).toContain('✓ Lesson complete');
    expect(lastFrame()).toContain('Score 100/100 (0 of 0 graded steps solved)');
    expect(lastFrame()).toContain('Next: Second read (Enter: back to Home, where it is first)');
    await keys('q');
    expect(lastFrame()).toContain('❯ Next: Second read');
  });

  it('answers a quiz of several right options with Space to tick and Enter to answer', async () => {
    const multiple = [
      'id: several',
      'title: Several',
      'summary: Ticking.',
      'scenario: basics',
      'minutes: 2',
      'steps:',
      '  - kind: quiz',
      '    id: which-expire',
      '    question: Which credentials expire?',
      '    multiple: true',
      '    options:',
      "      - { text: A role session, correct: true, feedback: 'Yes, within hours.' }",
      '      - { text: An access key, feedback: It lasts until deleted. }',
      "      - { text: Instance role credentials, correct: true, feedback: 'Yes, rotated by EC2.' }",
    ].join('\n');
    const { lastFrame, keys, store } = app([{ path: 'lessons/02-several.yaml', text: multiple }]);
    await keys(DOWN, ENTER);
    expect(lastFrame()).toContain('❯ [ ] A role session');
    await keys(' ', DOWN, DOWN, ' ');
    expect(lastFrame()).toContain('❯ [x] Instance role credentials');
    await keys(ENTER);
    expect(lastFrame()).toContain('✓ Right.');
    expect(lastFrame()).toContain('Yes, rotated by EC2.');
    expect(store.lesson('several')?.state.steps['which-expire']).toMatchObject({
      right: true,
      firstRight: true,
    });
  });

  it('opens the sandbox console, and `exit` goes back home', async () => {
    const { lastFrame, keys } = app();
    await keys(DOWN, ENTER);
    expect(lastFrame()).toContain('Sandbox');
    await keys('whoami --query Arn --output text', ENTER);
    expect(lastFrame()).toContain('arn:aws:iam::111122223333:user/admin');
    await keys('aws iam get-user --user-name ad', '\t');
    expect(lastFrame()).toContain('aws iam get-user --user-name admin');
    await keys(
      '\u0015',
      'aws iam create-user --user-name zed --query User.UserName --output text',
      ENTER,
    );
    await keys('exit', ENTER);
    expect(lastFrame()).toContain('0 of 1 lessons completed');
    // Back in the sandbox: the same world.
    await keys(DOWN, ENTER, 'aws iam list-users --query "Users[].UserName" --output text', ENTER);
    expect(lastFrame()).toContain('admin\tzed'.replace('\t', '    '));
  });

  it('strips control sequences from what is typed', async () => {
    const { lastFrame, keys } = app();
    await keys(DOWN, ENTER, 'echo \u001b[2Jhi');
    // The clear-screen sequence never reaches the terminal whole; what is left is plain text.
    expect(lastFrame()).toContain('echo ');
    expect(lastFrame()).not.toContain('\u001b[2J');
  });

  it('quits on Ctrl+C, saying it was an interrupt', async () => {
    const { keys, interrupts } = app();
    await keys('\u0003');
    expect(interrupts).toEqual([1]);
  });
});
