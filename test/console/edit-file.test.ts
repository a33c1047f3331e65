// `edit FILE`: the learner's editor on a machine's file, a policy document validated on save and
// reopened with IAM's message and its line until it is right, or given up.
import { describe, expect, it } from 'vitest';
import {
  documentProblem,
  editFile,
  editedContent,
  editorText,
} from '../../src/console/edit-file.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { runLine } from '../../src/console/shell.js';

const VALID =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}\n';
const NO_ACTION =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Resource": "*"}\n  ]\n}\n';

/** An editor that saves each of `saves` in turn, recording what it was opened on. */
function scriptedEditor(saves: (string | undefined)[]) {
  const opened: string[] = [];
  return {
    opened,
    open: (text: string) => {
      opened.push(text);
      return saves.shift();
    },
  };
}

const sandbox = () => createSandbox('edit', Date.UTC(2026, 0, 12, 9));
const cat = (session: ReturnType<typeof sandbox>, file: string) => {
  const result = runLine(session, `cat ${file}`);
  return result.kind === 'done' ? result.stdout : '';
};

describe('edit FILE', () => {
  it('saves a valid policy document to the machine, where aws commands read it', () => {
    const session = sandbox();
    const editor = scriptedEditor([VALID]);
    expect(editFile(session, 'policy.json', editor.open)).toEqual([
      'edit: policy.json saved (a valid policy document)',
    ]);
    expect(cat(session, 'policy.json')).toBe(VALID);
    const put = runLine(
      session,
      'aws iam put-user-policy --user-name admin --policy-name read --policy-document file://policy.json',
    );
    expect(put.kind === 'done' && put.exitCode).toBe(0);
  });

  it('reopens an invalid document with IAM’s message and its line on top, until it is right', () => {
    const session = sandbox();
    const editor = scriptedEditor([NO_ACTION, VALID]);
    expect(editFile(session, 'policy.json', editor.open)).toEqual([
      'edit: policy.json saved (a valid policy document)',
    ]);
    // The line as the editor shows it: under the two `#` lines.
    const reopened = editor.opened[1]?.split('\n') ?? [];
    expect(reopened[0]).toBe(
      '# policy.json: line 6, column 5: MalformedPolicyDocument: Policy statement must contain actions.',
    );
    expect(reopened[5]).toBe('    {"Effect": "Allow", "Resource": "*"}');
    expect(editor.opened[1]).toContain(NO_ACTION);
  });

  it('keeps a problem saved twice unchanged, and says so; an empty save changes nothing', () => {
    const session = sandbox();
    const twice = scriptedEditor([NO_ACTION, NO_ACTION]);
    expect(editFile(session, 'policy.json', twice.open)).toEqual([
      'edit: policy.json saved with a problem: line 4, column 5: MalformedPolicyDocument: Policy statement must contain actions.',
    ]);
    const empty = scriptedEditor(['# only comments\n']);
    expect(editFile(session, 'policy.json', empty.open)).toEqual([
      'edit: policy.json left as it was',
    ]);
    expect(cat(session, 'policy.json')).toBe(NO_ACTION);
  });

  it('says how to set an editor when none starts', () => {
    expect(editFile(sandbox(), 'x.json', () => undefined)).toEqual([
      'edit: no editor could be started: set VISUAL or EDITOR (e.g. export EDITOR=nano)',
    ]);
  });

  it('does not validate files that are not JSON documents, and drops only # lines', () => {
    expect(documentProblem('~/.aws/config', '[default]\nregion = x\n')).toBeUndefined();
    expect(editedContent(editorText('a.json', '{\n  "a": "#b"\n}', 'x'))).toBe('{\n  "a": "#b"\n}');
    expect(
      documentProblem(
        'trust.json',
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      ),
    ).toBeUndefined();
  });
});
