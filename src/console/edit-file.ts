// `edit FILE` in the tutorial: the learner's own editor ($VISUAL/$EDITOR) on a file of the machine
// they are on, as `git commit` does it: a policy document (a .json file) is validated as IAM would
// on save, and the editor opens again with the problem on top in `#` lines, which are not kept.
// Opening the editor is the shell's (it needs the terminal and the disk), given as a callback.
import { validatePolicy } from '../policy/validate.js';
import { absolutePath, currentMachine } from './machine.js';
import type { ConsoleSession } from './session.js';

/** Opens the text in an editor; the text saved, or `undefined` when no editor could run. */
export type OpenEditor = (text: string, fileName: string) => string | undefined;

const HELP = '# Lines starting with # are dropped. Save an empty file to leave the file as it was.';

/** What the editor opens: the problem found on the last save, if any, then the file. */
export function editorText(path: string, content: string, problem?: string): string {
  const header = problem === undefined ? [HELP] : [`# ${path}: ${problem}`, HELP];
  return `${header.join('\n')}\n${content}`;
}

/** The file as saved, without the `#` lines. */
export const editedContent = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');

/**
 * What IAM would say of a policy document, with its line and column; nothing for other files.
 * `lineOffset` counts lines shown above the document (the editor's `#` lines). A document with
 * a Principal is a trust policy (when it allows sts:AssumeRole...) or another
 * resource policy; one without is an identity policy.
 */
export function documentProblem(path: string, content: string, lineOffset = 0): string | undefined {
  if (!path.endsWith('.json')) return undefined;
  const kind = !/"Principal"/.test(content)
    ? 'managed'
    : /"sts:AssumeRole/.test(content)
      ? 'trust'
      : 'resource';
  const result = validatePolicy(content, kind);
  if (result.ok) return undefined;
  const { code, message, line, column } = result.error;
  const where = line === undefined ? '' : `line ${line + lineOffset}, column ${column ?? 1}: `;
  return `${where}${code}: ${message}`;
}

/** Edits a file of the current machine until it is valid or given up; the lines to print. */
export function editFile(session: ConsoleSession, path: string, open: OpenEditor): string[] {
  const machine = currentMachine(session.state);
  const file = absolutePath(machine, path);
  const name = file.split('/').pop() ?? 'file';
  let content = machine.files[file] ?? '';
  let problem: string | undefined;
  for (;;) {
    const saved = open(editorText(path, content, problem), name);
    if (saved === undefined)
      return ['edit: no editor could be started: set VISUAL or EDITOR (e.g. export EDITOR=nano)'];
    const edited = editedContent(saved);
    if (edited.trim() === '') return [`edit: ${path} left as it was`];
    const found = documentProblem(path, edited);
    // Saved again unchanged with its problem: the learner keeps it as it is, problem and all.
    if (found === undefined || (problem !== undefined && edited === content)) {
      machine.files[file] = edited;
      return found === undefined
        ? [`edit: ${path} saved${path.endsWith('.json') ? ' (a valid policy document)' : ''}`]
        : [`edit: ${path} saved with a problem: ${found}`];
    }
    content = edited;
    // Its line as the editor will show it, under the two `#` lines.
    problem = documentProblem(path, edited, editorText(path, '', found).split('\n').length - 1);
  }
}
