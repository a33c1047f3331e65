// `iam-tutor console` in a real terminal (tmux): the prompt, Tab completion from the world, a
// quoted value going on over two lines, Ctrl+C abandoning a line, and `exit`.
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
});
