// The shell's rules that learners meet in copied commands (POSIX Shell Command Language 2.6
// Word Expansions, 2.9 Shell Commands; bash's exit and $?): substitutions run in a subshell,
// assignments are not split, quotes nest inside $( ), exit statuses.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/commands/console-script.js';
import { MAX_VARIABLE_LENGTH } from '../../src/console/builtins.js';
import { currentMachine } from '../../src/console/machine.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { ok, run } from './helpers.js';

const sandbox = () => createSandbox('shell-rules', Date.UTC(2026, 10, 30, 10));

describe('shell semantics', () => {
  it('a command substitution cannot change the shell that runs it', () => {
    const session = sandbox();
    expect(ok(session, 'X=$(export LEAK=yes; echo done); echo "$X [$LEAK]"')).toBe('done []');
    expect(currentMachine(session.state).env.LEAK).toBeUndefined();
    expect(run(session, 'echo "sub: $(exit 3)"')).toMatchObject({ stdout: 'sub: \n' });
    expect(run(session, 'whoami').exitCode).toBe(0);
  });

  it('the value of an assignment is not split into words', () => {
    const session = sandbox();
    expect(ok(session, 'X="a  b"; Y=$X; echo "[$Y]"')).toBe('[a  b]');
    expect(ok(session, 'PAIR=$(echo \'AKIA1 secret\'); echo "$PAIR"')).toBe('AKIA1 secret');
  });

  it('quotes inside $( ) within double quotes belong to the inner command', () => {
    const session = sandbox();
    expect(ok(session, 'echo "$(echo "a;b")"')).toBe('a;b');
    expect(ok(session, 'echo "$(echo "a|b")" && echo ok')).toBe('a|b\nok');
  });

  it('$? is the status of the last command, across lines too', () => {
    const session = sandbox();
    run(session, 'cat missing');
    expect(ok(session, 'echo $?')).toBe('1');
    expect(ok(session, 'echo $?')).toBe('0');
  });

  it('exit N ends a script with N', () => {
    const outputs: string[] = [];
    const status = runScript(
      sandbox(),
      'echo one\nexit 3\necho never\n',
      { failFast: false },
      (o) => outputs.push(o.stdout),
    );
    expect(status).toBe(3);
    expect(outputs.join('')).toBe('one\n');
    expect(run(sandbox(), 'exit nope')).toMatchObject({ exitCode: 2 });
  });

  it('cat prints the files it finds and complains about the others', () => {
    const session = sandbox();
    expect(run(session, 'cat ~/.aws/config missing')).toMatchObject({
      stdout: expect.stringContaining('[default]') as unknown,
      stderr: 'cat: missing: No such file or directory\n',
      exitCode: 1,
    });
  });

  it('a variable cannot grow without end', () => {
    const session = sandbox();
    ok(session, `export X=${'a'.repeat(1000)}`);
    let result = run(session, 'export X=$X$X$X$X$X$X$X$X');
    for (let i = 0; i < 8 && result.exitCode === 0; i++)
      result = run(session, 'X=$X$X$X$X$X$X$X$X');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`more than ${MAX_VARIABLE_LENGTH} characters`);
    expect((currentMachine(session.state).env.X ?? '').length).toBeLessThanOrEqual(
      MAX_VARIABLE_LENGTH,
    );
  });

  it('a bug of the simulator is reported, and the console goes on', () => {
    const session = sandbox();
    // Damage the world as no command can, to stand for a bug.
    (session.world as { buckets: unknown }).buckets = null;
    const broken = run(session, 'aws s3api list-buckets');
    expect(broken.exitCode).toBe(70);
    expect(broken.stderr).toMatch(/^iam-tutor: internal error, please report it/);
    expect(run(session, 'whoami').exitCode).toBe(0);
  });

  it('the clock stops at the end of the year 9999', () => {
    const session = sandbox();
    session.world.now = Date.UTC(9999, 11, 1);
    expect(run(session, 'wait 400d')).toMatchObject({ exitCode: 2 });
    expect(run(session, 'whoami').exitCode).toBe(0);
  });
});
