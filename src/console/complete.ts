// Tab completion for `aws ...` lines from the command table: services, commands, flags (and global
// options), enum and choice values, and, through a callback, the names and ARNs that exist in the
// world (`--user-name <Tab>` offers the users).
import { commandTable, type Command, type CommandTable, type Flag } from './command-table.js';
import { GLOBAL_OPTIONS } from './global-options.js';
import { tokenize } from './tokenize.js';

export interface ValueRequest {
  /** botocore's service name: `iam`. */
  service: string;
  operation: string;
  /** The API member the flag sets: `UserName`, `RoleArn`. */
  member: string;
  /** What has been typed of the value so far. */
  prefix: string;
}

export interface CompletionOptions {
  /** Names or ARNs in the world that fit a member; the console filters them by the prefix. */
  worldValues?: (request: ValueRequest) => readonly string[];
  env?: Readonly<Record<string, string>>;
  table?: CommandTable;
}

export interface Completion {
  /** Offset in the line where the word being completed starts: candidates replace from there. */
  from: number;
  candidates: string[];
}

const NONE = (from: number): Completion => ({ from, candidates: [] });

function matching(prefix: string, names: Iterable<string>): string[] {
  return [...new Set([...names].filter((name) => name.startsWith(prefix)))].sort();
}

function globalFlags(): string[] {
  return GLOBAL_OPTIONS.map((option) => `--${option.name}`);
}

/** Words after `aws` that are not options, with the values of global options taken out too. */
function positionalWords(words: readonly string[]): string[] {
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word.startsWith('--')) {
      const global = GLOBAL_OPTIONS.find((option) => `--${option.name}` === word);
      if (global?.takesValue === true) i++;
      continue;
    }
    positionals.push(word);
  }
  return positionals;
}

function valueCandidates(
  command: Command,
  flag: Flag,
  prefix: string,
  options: CompletionOptions,
): string[] {
  if (flag.kind === 'extra') return matching(prefix, flag.choices ?? []);
  if (flag.kind !== 'member') return [];
  if (flag.shape.enum !== undefined) return matching(prefix, flag.shape.enum);
  const world = options.worldValues?.({
    service: command.service,
    operation: command.operation,
    member: flag.member,
    prefix,
  });
  return matching(prefix, world ?? []);
}

function takesValue(flag: Flag): boolean {
  return !(flag.kind === 'member' && flag.booleanValue !== undefined);
}

function completeCommand(
  command: Command,
  words: readonly string[],
  partial: string,
  from: number,
  options: CompletionOptions,
): Completion {
  const previous = words.at(-1);
  const previousFlag =
    previous?.startsWith('--') === true ? command.flags.get(previous.slice(2)) : undefined;
  if (previousFlag !== undefined && takesValue(previousFlag) && !partial.startsWith('--')) {
    return { from, candidates: valueCandidates(command, previousFlag, partial, options) };
  }
  const previousGlobal = GLOBAL_OPTIONS.find((option) => `--${option.name}` === previous);
  if (previousGlobal?.takesValue === true)
    return { from, candidates: matching(partial, previousGlobal.choices ?? []) };
  if (!partial.startsWith('-') && partial !== '') return NONE(from);
  const used = new Set(words.filter((word) => word.startsWith('--')).map((word) => word.slice(2)));
  // `--x` and `--no-x` set the same member: once one is given, neither is offered.
  const usedMembers = new Set(
    [...used].flatMap((name) => {
      const flag = command.flags.get(name);
      return flag?.kind === 'member' ? [flag.member] : [];
    }),
  );
  const flags = [...command.flags.values()].filter(
    (flag) =>
      !flag.hidden &&
      !used.has(flag.name) &&
      !(flag.kind === 'member' && usedMembers.has(flag.member)),
  );
  return {
    from,
    candidates: matching(partial, [...flags.map((flag) => `--${flag.name}`), ...globalFlags()]),
  };
}

/** Candidates for the word at the end of `line` (an `aws ...` command line). */
export function complete(line: string, options: CompletionOptions = {}): Completion {
  const table = options.table ?? commandTable();
  const tokens = tokenize(line, options.env ?? {});
  if (tokens.kind !== 'tokens') return NONE(line.length);
  const all = tokens.tokens;
  const endsInWord = all.length > 0 && (all.at(-1)?.end ?? 0) === line.length;
  const partialToken = endsInWord ? all.at(-1) : undefined;
  const partial = partialToken?.value ?? '';
  const from = partialToken?.start ?? line.length;
  const words = (endsInWord ? all.slice(0, -1) : all).map((token) => token.value);
  if (words.length === 0) return { from, candidates: matching(partial, ['aws']) };
  if (words[0] !== 'aws') return NONE(from);
  const positionals = positionalWords(words.slice(1));
  const [cliService, commandName] = positionals;
  if (cliService === undefined) {
    if (partial.startsWith('-')) return { from, candidates: matching(partial, globalFlags()) };
    return { from, candidates: matching(partial, [...table.services.keys(), 'help']) };
  }
  const service = table.services.get(cliService);
  if (service === undefined) return NONE(from);
  if (commandName === undefined) {
    if (partial.startsWith('-')) return { from, candidates: matching(partial, globalFlags()) };
    return { from, candidates: matching(partial, [...service.commands.keys(), 'help']) };
  }
  const command = service.commands.get(commandName);
  if (command === undefined) return NONE(from);
  return completeCommand(command, words.slice(1), partial, from, options);
}
