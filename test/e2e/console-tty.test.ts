// `iam-tutor console` in a real terminal (tmux): the prompt, Tab completion from the world, a
// quoted value going on over two lines, Ctrl+C abandoning a line, `exit`, and the questions of
// `aws configure` asked at the prompt.
import { afterEach, describe, expect, it } from 'vitest';
import { Terminal } from './tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

// capture-pane drops trailing blanks, so the prompt is matched without its space.
const PROMPT = 'learner@laptop:~$';
const prompts = (screen: string) => screen.split('\n').filter((l) => l.startsWith(PROMPT));

describe('iam-tutor console in a terminal', () => {
  it('works as a shell: prompt, completion, continuation lines, Ctrl+C, exit', async () => {
    const t = (terminal = Terminal.open(['console']));
    await t.waitFor((s) => s.includes(PROMPT));
    t.type('aws iam get-user --user-name ad');
    t.send('Tab');
    await t.waitFor((s) => s.includes('--user-name admin'));
    t.send('Enter');
    await t.waitFor((s) => s.includes('"UserName": "admin"'));

    t.type('echo "two');
    t.send('Enter');
    await t.waitFor((s) => /^>$/m.test(s));
    t.type('lines"');
    t.send('Enter');
    await t.waitFor((s) => s.includes('two\nlines\n'));

    t.type('aws iam list-users');
    t.send('C-c');
    t.type('whoami --query Arn --output text');
    t.send('Enter');
    const screen = await t.waitFor((s) => s.includes('arn:aws:iam::111122223333:user/admin\n'));
    // The abandoned line did not run: only get-user and whoami printed JSON or text.
    expect(screen).not.toContain('"Users"');
    expect(prompts(screen).length).toBeGreaterThanOrEqual(4);

    t.type('exit');
    t.send('Enter');
    await t.waitForExit();
  }, 30_000);

  it("asks aws configure's questions at its prompt, masks what is set, keeps answers out of history", async () => {
    const t = (terminal = Terminal.open(['console']));
    await t.waitFor((s) => s.includes(PROMPT));
    t.type('aws configure --profile dev');
    t.send('Enter');
    const answers = [
      ['AWS Access Key ID [None]:', 'AKIAIOSFODNN7EXAMPLE'],
      ['AWS Secret Access Key [None]:', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      ['Default region name [None]:', 'eu-west-1'],
      ['Default output format [None]:', ''],
    ];
    for (const [question, answer] of answers) {
      await t.waitFor((s) => s.trimEnd().endsWith(question ?? ''));
      if (answer) t.type(answer);
      t.send('Enter');
    }
    await t.waitFor((s) => s.trimEnd().endsWith(PROMPT));
    t.type('aws configure get region --profile dev');
    t.send('Enter');
    await t.waitFor((s) => s.includes('eu-west-1\n'));
    // Asked again, the set values show masked, as the AWS CLI shows them; Ctrl+C gives up.
    t.type('aws configure --profile dev');
    t.send('Enter');
    await t.waitFor((s) => s.trimEnd().endsWith('AWS Access Key ID [****************MPLE]:'));
    t.send('C-c');
    await t.waitFor((s) => s.trimEnd().endsWith(PROMPT));
    // History holds the commands, not the answers (a secret key among them).
    t.send('Up');
    await t.waitFor((s) => s.trimEnd().endsWith(`${PROMPT} aws configure --profile dev`));
    t.send('Up');
    await t.waitFor((s) =>
      s.trimEnd().endsWith(`${PROMPT} aws configure get region --profile dev`),
    );
    // The answers were never lines of history: one more step back is the first command.
    t.send('Up');
    const screen = await t.waitFor((s) =>
      s.trimEnd().endsWith(`${PROMPT} aws configure --profile dev`),
    );
    expect(screen).toContain('AWS Secret Access Key [None]:');
    t.send('C-c');
    t.type('exit');
    t.send('Enter');
    await t.waitForExit();
  }, 30_000);
});
