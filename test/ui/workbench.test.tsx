// The console's views in the sandbox, keys in and frames out: Why (the AWS flowchart of a
// request), who can assume what, the action menus, the keys, scrollback and clear.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keyboard } from './keys.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { builtInCourse } from '../../src/lessons/pack.js';
import { BUILT_IN_PROGRESS, ProgressStore } from '../../src/progress/store.js';
import type { OpenEditor } from '../../src/console/edit-file.js';
import { App } from '../../src/ui/app.js';
import { EditorContext } from '../../src/ui/editor-context.js';

const ENTER = '\r';
const ESC = '\u001b';
const TAB = '\t';
const LEFT = '\u001b[D';
const DOWN = '\u001b[B';
const PAGE_UP = '\u001b[5~';
const CTRL_Y = '\u0019';
const CTRL_T = '\u0014';

const DENY_DELETE =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:DeleteUser","Resource":"*"}]}';

/** The tutorial with no lessons, opened on its sandbox. */
async function sandbox(editor?: OpenEditor) {
  const session = createSandbox('ui', Date.UTC(2026, 0, 12, 9));
  const store = new ProgressStore({
    dataDir: mkdtempSync(join(tmpdir(), 'iam-tutor-ui-')),
    now: () => new Date(),
  });
  const rendered = render(
    <EditorContext.Provider value={editor}>
      <App
        course={builtInCourse([], BUILT_IN_PROGRESS)}
        stores={new Map([[BUILT_IN_PROGRESS, store]])}
        notices={[]}
        newSandbox={() => session}
        onInterrupt={() => undefined}
      />
    </EditorContext.Provider>,
  );
  const keys = keyboard(rendered);
  const type = (line: string) => keys(line, ENTER);
  await keys(ENTER);
  return { ...rendered, keys, type, session };
}

describe('the console views', () => {
  it('Ctrl+Y draws the last denied request as the flowchart; ← goes to the request before', async () => {
    const { lastFrame, keys, type } = await sandbox();
    await type(
      `aws iam put-user-policy --user-name admin --policy-name no-delete --policy-document '${DENY_DELETE}'`,
    );
    await type('aws iam delete-user --user-name admin');
    expect(lastFrame()).toContain('AccessDenied');
    await keys(CTRL_Y);
    const why = lastFrame() ?? '';
    expect(why).toContain('iam:DeleteUser on arn:aws:iam::111122223333:user/admin');
    expect(why).toContain('✗ DENIED by an explicit deny');
    expect(why).toMatch(/✗ yes +Does any policy explicitly deny\? +◀ decided here/);
    expect(why).toContain('Deny by user/admin inline no-delete statement 0');
    expect(why).toMatch(/^ {7}Do the identity-based policies allow\? {2}\(not reached\)$/m);
    expect(why).toContain('request 2 of 2');
    await keys(LEFT);
    const before = lastFrame() ?? '';
    expect(before).toContain('iam:PutUserPolicy');
    expect(before).toContain('✓ ALLOWED');
    expect(before).toMatch(/✓ yes +Do the identity-based policies allow\?/);
    await keys(ESC);
    expect(lastFrame()).toContain('learner@laptop:~$');
    expect(lastFrame()).not.toContain('flowchart');
  });

  it('typing explain opens the same view; with nothing authorized yet it says so', async () => {
    const { lastFrame, type } = await sandbox();
    await type('explain');
    expect(lastFrame()).toContain('Nothing to explain yet');
  });

  it('Ctrl+T shows who can assume what, with a warning on a role anyone may assume', async () => {
    const { lastFrame, keys, type } = await sandbox();
    await type(
      `aws iam create-role --role-name open --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}'`,
    );
    await keys(CTRL_T);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Account 111122223333');
    expect(frame).toContain('users: admin (1 access key)');
    expect(frame).toContain('role open');
    expect(frame).toContain('◀── ANYONE ("*")  ⚠ anyone at all');
  });

  it('Tab on an empty line opens the menus; a form runs the exact command it stands for', async () => {
    const { lastFrame, keys, type, session } = await sandbox();
    await keys(TAB);
    expect(lastFrame()).toContain('❯ Create a user');
    await keys(ENTER);
    expect(lastFrame()).toContain('User name?');
    await type('two words');
    expect(lastFrame()).toContain('✗ Use 1 to 64 letters');
    await type('carol');
    const frame = lastFrame() ?? '';
    expect(frame).toContain('learner@laptop:~$ aws iam create-user --user-name carol');
    expect(frame).toContain('"UserName": "carol"');
    expect(Object.keys(session.world.accounts['111122223333']?.iam.users ?? {})).toContain('carol');
    // The menu's command is in the history like a typed one.
    expect(session.state.history.at(-1)).toBe('aws iam create-user --user-name carol');
  });

  it('Esc leaves a menu without running anything', async () => {
    const { lastFrame, keys, session } = await sandbox();
    await keys(TAB, DOWN, DOWN, ENTER);
    expect(lastFrame()).toContain('Which user?');
    await keys(ESC);
    expect(lastFrame()).toContain('learner@laptop:~$');
    expect(session.state.history).toEqual([]);
  });

  it('? on an empty line shows the keys; inside a line it is typed', async () => {
    const { lastFrame, keys } = await sandbox();
    await keys('?');
    expect(lastFrame()).toMatch(/Ctrl\+Y +why: the last denied request/);
    await keys(ESC, 'aws iam list-users --query Users[?');
    expect(lastFrame()).toContain('learner@laptop:~$ aws iam list-users --query Users[?');
  });

  it('PageUp scrolls back through a long output; typing comes back down; clear empties it', async () => {
    const { lastFrame, keys, type } = await sandbox();
    await type('aws iam list-policies --scope AWS');
    expect(lastFrame()).not.toContain('"Policies": [');
    await keys(PAGE_UP);
    expect(lastFrame()).toMatch(/── \d+ newer lines below · PageDown or any key ──/);
    await keys('x');
    expect(lastFrame()).not.toContain('newer lines below');
    await keys('\u007f');
    await type('clear');
    expect(lastFrame()).not.toContain('PolicyName');
  });

  it('edit FILE opens the editor on the machine’s file, and reopens it with IAM’s problem', async () => {
    const saves = [
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}',
    ];
    const opened: string[] = [];
    const { lastFrame, type, session } = await sandbox((text) => {
      opened.push(text);
      return saves.shift();
    });
    await type('edit policy.json');
    expect(lastFrame()).toContain('edit: policy.json saved (a valid policy document)');
    expect(opened[1]).toContain('MalformedPolicyDocument: Policy statement must contain actions.');
    expect(session.state.machines.laptop?.files['/home/learner/policy.json']).toContain(
      's3:ListAllMyBuckets',
    );
  });

  it('edit says how to set an editor where none can start', async () => {
    const { lastFrame, type } = await sandbox();
    await type('edit policy.json');
    expect(lastFrame()).toContain('edit: no editor could be started: set VISUAL or EDITOR');
  });

  it('never grows past the window: a long paste and wrapped output keep the title on screen', async () => {
    const { lastFrame, keys, type } = await sandbox();
    await type('aws iam list-policies --scope AWS --query Policies[].Arn --output text');
    await keys(`echo ${'x'.repeat(3000)}`);
    const frame = lastFrame() ?? '';
    // ink-testing-library's window: 100 columns, and the app's default of 24 rows.
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame.startsWith('Sandbox')).toBe(true);
  });

  it('runs a pasted block as a shell does: each command, one copied over lines from the docs too', async () => {
    const { lastFrame, keys, type, session } = await sandbox();
    await keys(
      'aws iam create-user --user-name pasted-a\n' +
        'aws iam create-user \\\n    --user-name pasted-b\r\n' +
        'aws iam list-users --query "Users[].UserName" --output text',
    );
    expect(Object.keys(session.world.accounts['111122223333']?.iam.users ?? {})).toEqual(
      expect.arrayContaining(['pasted-a', 'pasted-b']),
    );
    // The last line is on the prompt, not run yet.
    expect(lastFrame()).toMatch(
      /\$ aws iam list-users --query "Users\[\]\.UserName" --output text\s*$/,
    );
    await type('');
    expect(lastFrame()).toMatch(/admin\s+pasted-a\s+pasted-b/);
  });
});

const UP = '\u001b[A';
const SERIAL = 'arn:aws:iam::111122223333:mfa/admin-phone';

describe('a command that asks', () => {
  it("aws configure's questions are the prompt; the answers are echoed, written, and not in history", async () => {
    const { lastFrame, keys, type, session } = await sandbox();
    await type('aws configure --profile dev');
    expect(lastFrame()).toMatch(/^AWS Access Key ID \[None\]: ?$/m);
    await type('AKIAIOSFODNN7EXAMPLE');
    expect(lastFrame()).toContain('AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE');
    expect(lastFrame()).toMatch(/^AWS Secret Access Key \[None\]: ?$/m);
    await type('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await type('');
    // Tab and ? are typed into an answer, not taken for the menus or the keys.
    await keys(TAB, '?');
    expect(lastFrame()).toMatch(/^Default output format \[None\]: \?/m);
    await keys('\u007f');
    await type('json');
    expect(lastFrame()).toContain('learner@laptop:~$');
    expect(session.state.machines.laptop?.files['/home/learner/.aws/config']).toContain(
      '[profile dev]\noutput = json\n',
    );
    await keys(UP);
    expect(lastFrame()).toMatch(/learner@laptop:~\$ aws configure --profile dev/);
  });

  it('a pasted command that asks takes the next pasted lines as its answers, echoed as answers and not remembered', async () => {
    const { lastFrame, keys, type, session } = await sandbox();
    await keys('aws configure --profile dev\nAKIAIOSFODNN7EXAMPLE\nwJalrXUtnFEMI/K7MDENG\n');
    expect(lastFrame()).toContain('AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE');
    expect(lastFrame()).toContain('AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG');
    expect(lastFrame()).not.toContain('$ AKIAIOSFODNN7EXAMPLE');
    expect(session.question?.prompt).toBe('Default region name [None]: ');
    await type('');
    await type('');
    // History holds the command, never the answers.
    await keys(UP);
    expect(lastFrame()).toMatch(/\$ aws configure --profile dev\s*$/);
    await keys(UP);
    expect(lastFrame()).toMatch(/\$ aws configure --profile dev\s*$/);
  });

  it('Esc abandons a question: nothing is written, and the shell prompt is back', async () => {
    const { lastFrame, keys, type, session } = await sandbox();
    const before = session.state.machines.laptop?.files['/home/learner/.aws/credentials'];
    await type('aws configure --profile dev');
    await keys('AKIA', ESC);
    expect(lastFrame()).toContain('AWS Access Key ID [None]: (abandoned)');
    expect(lastFrame()).toMatch(/learner@laptop:~\$ ?$/m);
    expect(session.question).toBeUndefined();
    expect(session.state.machines.laptop?.files['/home/learner/.aws/credentials']).toBe(before);
  });

  it('the MFA code of a role profile is typed unseen, and the command runs with it', async () => {
    const { lastFrame, keys, type, session } = await sandbox();
    // Typed as a learner would, the device's two codes 30 seconds apart.
    await type(
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name admin-phone --outfile ~/seed.txt --bootstrap-method Base32StringSeed',
    );
    await type('export FIRST=$(mfa-code ~/seed.txt)');
    await type('wait 30s');
    await type(
      `aws iam enable-mfa-device --user-name admin --serial-number ${SERIAL} --authentication-code1 $FIRST --authentication-code2 $(mfa-code ~/seed.txt)`,
    );
    await type('wait 30s');
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:user/admin' },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    });
    await type(
      `aws iam create-role --role-name breakglass --assume-role-policy-document '${trust}'`,
    );
    await type(
      'aws configure set profile.breakglass.role_arn arn:aws:iam::111122223333:role/breakglass',
    );
    await type('aws configure set profile.breakglass.source_profile default');
    await type(`aws configure set profile.breakglass.mfa_serial ${SERIAL}`);
    await type('mfa-code ~/seed.txt');
    const code = /^(\d{6})$/m.exec(lastFrame() ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await type('aws sts get-caller-identity --profile breakglass --query Arn --output text');
    expect(lastFrame()).toMatch(new RegExp(`^Enter MFA code for ${SERIAL}: ?$`, 'm'));
    await keys(code);
    expect(lastFrame()).not.toMatch(new RegExp(`Enter MFA code for ${SERIAL}: \\d`));
    await keys(ENTER);
    expect(lastFrame()).toMatch(/^arn:aws:sts::111122223333:assumed-role\/breakglass\//m);
    expect(session.question).toBeUndefined();
  });
});
