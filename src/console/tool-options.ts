// The `--name value` options of the console's own tools (oidc-token, saml-idp, ca,
// aws_signing_helper), and where their output goes: printed, or into a file of the machine.
import { currentMachine, writeMachineFile } from './machine.js';
import { printed, type ConsoleSession, type LineOutput } from './session.js';

export type ToolOptions = ReadonlyMap<string, readonly string[]>;

/** The options by name (naming one again adds a value: `--role A --role B`), or what is wrong. */
export function parseToolOptions(
  args: readonly string[],
  allowed: readonly string[],
): ToolOptions | string {
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i += 2) {
    const word = args[i] ?? '';
    const name = word.replace(/^--/, '');
    if (!word.startsWith('--') || !allowed.includes(name)) return `unknown option ${word}`;
    const value = args[i + 1];
    if (value === undefined) return `${word} needs a value`;
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return options;
}

/** The value of an option (the last one, when it was given more than once). */
export const option = (options: ToolOptions, name: string): string | undefined =>
  options.get(name)?.at(-1);

/** Prints the text, or writes it to `outfile` on the learner's machine and prints nothing. */
export function printOrWrite(
  session: ConsoleSession,
  text: string,
  outfile: string | undefined,
): LineOutput {
  if (outfile === undefined) return printed(text.endsWith('\n') ? text : `${text}\n`);
  writeMachineFile(currentMachine(session.state), outfile, text);
  return printed('');
}
