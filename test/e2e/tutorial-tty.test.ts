// The tutorial in a real terminal (tmux), as a learner goes through it: Home, a read step, a
// quiz, a prediction, a task done in the console with its checklist ticking, Ctrl+C, and the
// progress found again on the next start.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROGRESS_FILE } from './learner-data.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const TRUST =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

/** Keys one at a time, as a person presses them (Ink reads a burst as one input). */
async function press(t: Terminal, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    t.send(key);
    await new Promise((done) => setTimeout(done, 150));
  }
}

/** Types a line and presses Enter once it shows, so the two never arrive as one paste. */
async function typeLine(t: Terminal, line: string): Promise<void> {
  t.type(line);
  await t.waitFor((s) => s.replace(/\s+/g, '').includes(line.replace(/\s+/g, '').slice(-30)));
  await press(t, 'Enter');
}

describe('the tutorial in a terminal', () => {
  it('goes from Home through a lesson to a task, and keeps the progress over a restart', async () => {
    const data = mkdtempSync(join(tmpdir(), 'iam-tutor-tty-'));
    const args = ['--lessons', 'test/lessons/fixtures/good', '--data-dir', data];
    const t = (terminal = Terminal.open(args));
    await t.waitFor((s) => s.includes('0 of 1 lessons completed'));
    expect(t.screen()).toContain('❯ · 1. An application on EC2  (15 min)');

    await press(t, 'Enter');
    await t.waitFor(
      (s) => s.includes('Step 1/4') && s.replace(/\s+/g, ' ').includes('instance metadata service'),
    );
    await press(t, 'Enter');
    await t.waitFor((s) => s.includes('Step 2/4'));
    await press(t, 'Down', 'Enter');
    await t.waitFor((s) => s.includes('✓ Right.'));
    await press(t, 'n');
    await t.waitFor((s) => s.includes('Step 3/4') && s.includes('What does AWS decide?'));
    await press(t, 'Down', 'Down', 'Enter');
    await t.waitFor(
      (s) =>
        s.includes('✓ Right.') && s.includes('Decided at: Do the identity-based policies allow?'),
    );
    await press(t, 'w');
    await t.waitFor((s) => s.includes('The AWS evaluation flowchart, in order:'));
    await press(t, 'Escape');
    await t.waitFor((s) => s.includes('What does AWS decide?'));
    await press(t, 'n');
    await t.waitFor((s) => s.includes('Step 4/4') && s.includes('· The role app trusts EC2'));

    await typeLine(
      t,
      `aws iam create-role --role-name app --assume-role-policy-document '${TRUST}' --query Role.RoleName --output text`,
    );
    await t.waitFor((s) => s.includes('✓ The role app trusts EC2'));
    // Why: the request just made, as the AWS flowchart; Esc comes back to the console.
    await press(t, 'C-y');
    await t.waitFor(
      (s) => s.includes('The AWS evaluation flowchart, in order:') && s.includes('✓ ALLOWED'),
    );
    await press(t, 'Escape');
    await t.waitFor((s) => s.includes('learner@laptop:~$') && !s.includes('flowchart'));
    await typeLine(t, 'next');
    await t.waitFor((s) => s.includes('the task is not done yet'));

    await press(t, 'C-c');
    await t.waitForExit();
    const saved = JSON.parse(readFileSync(join(data, PROGRESS_FILE), 'utf8')) as {
      lessons: Record<string, { state: { step: number } }>;
    };
    expect(saved.lessons['app-on-ec2']?.state.step).toBe(3);

    const again = (terminal = Terminal.open(args));
    await again.waitFor((s) => s.includes('❯ Continue: An application on EC2'));
    await press(again, 'Enter');
    // The task's world came back with the progress: the role is still there.
    await again.waitFor((s) => s.includes('Step 4/4') && s.includes('✓ The role app trusts EC2'));
  }, 60_000);

  it("edit FILE hands the terminal to the learner's $EDITOR and takes it back", async () => {
    const data = mkdtempSync(join(tmpdir(), 'iam-tutor-tty-'));
    // An "editor" that saves a fixed document: what a person would type in nano or vim.
    const document = join(data, 'typed.json');
    writeFileSync(
      document,
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}',
    );
    const t = (terminal = Terminal.open(
      ['--lessons', 'test/lessons/fixtures/good', '--data-dir', data],
      undefined,
      [`EDITOR=cp ${document}`],
    ));
    await t.waitFor((s) => s.includes('lessons completed'));
    await press(t, 'Down');
    await t.waitFor((s) => s.includes('❯ Sandbox'));
    await press(t, 'Enter');
    await t.waitFor((s) => s.includes('learner@laptop:~$'));
    await typeLine(t, 'edit policy.json');
    await t.waitFor((s) => s.includes('edit: policy.json saved (a valid policy document)'));
    // The keyboard is the tutorial's again: a command typed now runs.
    await typeLine(
      t,
      'aws iam put-user-policy --user-name admin --policy-name list --policy-document file://policy.json',
    );
    await typeLine(t, 'aws iam list-user-policies --user-name admin --output text');
    await t.waitFor((s) => /POLICYNAMES\s+list/.test(s));
  }, 30_000);

  it('says how big the window must be when it is too small', async () => {
    const t = (terminal = Terminal.open(
      [
        '--lessons',
        'test/lessons/fixtures/good',
        '--data-dir',
        mkdtempSync(join(tmpdir(), 'iam-tutor-tty-')),
      ],
      { columns: 40, rows: 10 },
    ));
    await t.waitFor((s) =>
      s
        .replace(/\s+/g, ' ')
        .includes('iam-tutor needs a window of at least 60x16; this one is 40x10.'),
    );
  });

  it('reflows on resize: below the minimum it says so, and back at a usable size it draws again', async () => {
    const data = mkdtempSync(join(tmpdir(), 'iam-tutor-tty-'));
    const t = (terminal = Terminal.open([
      '--lessons',
      'test/lessons/fixtures/good',
      '--data-dir',
      data,
    ]));
    await t.waitFor((s) => s.includes('lessons completed'));
    await press(t, 'Down');
    await t.waitFor((s) => s.includes('❯ Sandbox'));
    t.resize(50, 12);
    await t.waitFor((s) =>
      s.replace(/\s+/g, ' ').includes('needs a window of at least 60x16; this one is 50x12.'),
    );
    t.resize(70, 20);
    // Drawn again whole, with the choice kept, and no line of the message left behind.
    const screen = await t.waitFor((s) => s.includes('❯ Sandbox'));
    expect(screen).not.toContain('needs a window');
    expect(screen).toContain('0 of 1 lessons completed');
    // Narrower, then wider again, on a step of long lines: the terminal re-wraps what it shows,
    // and nothing of the frames before is left behind.
    await press(t, 'Up');
    await t.waitFor((s) => s.includes('❯ · 1. An application on EC2'));
    await press(t, 'Enter');
    await t.waitFor((s) => s.includes('Step 1/4'));
    t.resize(60, 16);
    await new Promise((done) => setTimeout(done, 500));
    t.resize(100, 30);
    await new Promise((done) => setTimeout(done, 500));
    const again = await t.waitFor((s) => s.includes('Step 1/4'));
    expect(again.split('An application on EC2 · Step 1/4').length).toBe(2);
    expect(again.trimStart().startsWith('An application on EC2 · Step 1/4')).toBe(true);
  }, 30_000);

  it.each([
    ['colour by default', [], true],
    ['no colour with NO_COLOR', ['NO_COLOR=1'], false],
    ['no colour with --no-color', ['--no-color'], false],
    ['plain text with --plain', ['--plain'], false],
    ["plain text with Ink's INK_SCREEN_READER", ['INK_SCREEN_READER=true'], false],
  ])(
    '%s',
    async (_what, extra, coloured) => {
      const data = mkdtempSync(join(tmpdir(), 'iam-tutor-tty-'));
      const flags = extra.filter((word) => word.startsWith('--'));
      const env = extra.filter((word) => !word.startsWith('--'));
      const t = (terminal = Terminal.open(
        ['--lessons', 'test/lessons/fixtures/good', '--data-dir', data, ...flags],
        undefined,
        env,
      ));
      await t.waitFor((s) => s.includes('lessons completed'));
      // Each key waits for its screen: on a busy machine keys sent too fast arrive as one input.
      await press(t, 'Enter');
      await t.waitFor((s) => s.includes('Step 1/4'));
      await press(t, 'Enter');
      await t.waitFor((s) => s.includes('Step 2/4'));
      await press(t, 'Down');
      await t.waitFor((s) => s.includes('❯ Temporary credentials'));
      await press(t, 'Enter');
      await t.waitFor((s) => s.includes('✓ Right.'));
      // Green is SGR 32; the mark and the word are there either way.
      expect(t.screen(true).includes('\u001b[32m')).toBe(coloured);
    },
    30_000,
  );
});
