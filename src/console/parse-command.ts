// From the words after `aws` to `{ service, operation, params, globals }`, with the AWS CLI v2's
// behaviour and messages: global options anywhere (awscli/clidriver.py's MainArgParser), argparse's
// handling of flags (unique prefixes, `--flag=value`, lists, `--no-` booleans), `file://` and
// `fileb://` values (awscli/paramfile.py), shorthand and JSON for structures and lists
// (awscli/argprocess.py, awscli/shorthand.py), then botocore's parameter validation.
import { search } from 'jmespath';
import { instanceCount } from './cli-customizations.js';
import {
  cliError,
  invalidChoiceMessage,
  parameterError,
  unknownOptions,
  usageError,
  validationFailed,
  type CliError,
} from './cli-errors.js';
import {
  commandTable,
  type Command,
  type CommandTable,
  type Flag,
  type MemberFlag,
} from './command-table.js';
import {
  GLOBAL_OPTIONS,
  type GlobalOptions,
  type GlobalOptionSpec,
  type OutputFormat,
} from './global-options.js';
import { shapeOf, type ServiceModel, type Shape } from '../aws/models/model.js';
import { clientValidationErrors } from './param-validation.js';
import { parsePythonJson } from './python-json.js';
import { pythonRepr } from './python-repr.js';
import {
  applyModel,
  parseShorthand,
  pythonFloat,
  pythonInt,
  ShorthandConversionError,
  ShorthandSyntaxError,
} from './shorthand.js';

export interface ParseOptions {
  /** The simulated machine's files: the text at `path`, or undefined when there is none. */
  readFile?: (path: string) => string | undefined;
  /** For `~` and `$VAR` in `file://` paths, which the CLI expands itself. */
  env?: Readonly<Record<string, string>>;
  table?: CommandTable;
}

export interface Paging {
  startingToken?: string;
  pageSize?: number;
  maxItems?: number;
}

export interface ParsedCommand {
  kind: 'command';
  /** botocore's service name, the world's: `iam`, `s3`. */
  service: string;
  /** The CLI's: `iam`, `s3api`. */
  cliService: string;
  /** `create-user` */
  command: string;
  /** `CreateUser` */
  operation: string;
  /** The API's parameters, with AWS's member names and types. */
  params: Record<string, unknown>;
  globals: GlobalOptions;
  paging: Paging;
  /** Arguments the CLI adds that are not API members: `outfile`, `bootstrap-method`. */
  cliArgs: Record<string, string>;
}

/** `aws help`, `aws iam help`, `aws iam create-user help`. */
export interface HelpRequest {
  kind: 'help';
  cliService?: string;
  command?: string;
  globals: GlobalOptions;
}

/** A real AWS CLI command or service that this simulator does not have (`aws s3 ls`, `aws iam list-groups`). */
export interface NotSimulated {
  kind: 'not-simulated';
  cliService: string;
  command?: string;
  args: string[];
  globals: GlobalOptions;
}

export type ParseResult =
  | ParsedCommand
  | HelpRequest
  | NotSimulated
  | { kind: 'version'; globals: GlobalOptions }
  | CliError;

/** Real top-level commands of the AWS CLI that are not service APIs simulated here. */
const OTHER_CLI_COMMANDS = new Set(['s3', 'configure']);

/** Unwinds to parseCommand with the error to return. */
class Failure extends Error {
  constructor(readonly error: CliError) {
    super(error.stderr);
  }
}

function fail(error: CliError): never {
  throw new Failure(error);
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** argparse's test for a word that is an option rather than a value. */
function looksLikeOption(word: string): boolean {
  return word.startsWith('-') && word !== '-' && !NEGATIVE_NUMBER.test(word) && !word.includes(' ');
}

/** `--name=value` -> ['name', 'value']; `--name` -> ['name', undefined]. */
function splitOption(word: string): [string, string | undefined] {
  const body = word.replace(/^--?/, '');
  const equals = body.indexOf('=');
  return equals === -1 ? [body, undefined] : [body.slice(0, equals), body.slice(equals + 1)];
}

/** argparse's lookup: the exact name, else the one name it is a prefix of, else ambiguity. */
function findOption<T extends { name: string }>(word: string, options: Iterable<T>): T | undefined {
  if (!word.startsWith('--')) return undefined;
  const [name] = splitOption(word);
  const all = [...options];
  const exact = all.find((option) => option.name === name);
  if (exact !== undefined) return exact;
  const prefixed = all.filter((option) => option.name.startsWith(name));
  if (prefixed.length > 1) {
    const matches = prefixed.map((option) => `--${option.name}`).join(', ');
    fail(usageError(`ambiguous option: --${name} could match ${matches}`));
  }
  return prefixed[0];
}

function pythonIntValue(text: string): number | undefined {
  try {
    return pythonInt(text);
  } catch {
    return undefined;
  }
}

/** Takes the global options out of the words, wherever they are (MainArgParser.parse_known_args). */
function takeGlobals(args: readonly string[]): {
  globals: GlobalOptions;
  rest: string[];
  version: boolean;
} {
  const globals: GlobalOptions = {
    debug: false,
    noCliPager: false,
    noPaginate: false,
    noSignRequest: false,
  };
  const rest: string[] = [];
  let version = false;
  const set = (spec: GlobalOptionSpec, value: string | undefined): void => {
    switch (spec.name) {
      case 'debug':
        globals.debug = true;
        break;
      case 'no-cli-pager':
        globals.noCliPager = true;
        break;
      case 'no-paginate':
        globals.noPaginate = true;
        break;
      case 'no-sign-request':
        globals.noSignRequest = true;
        break;
      case 'version':
        version = true;
        break;
      case 'profile':
        globals.profile = value;
        break;
      case 'region':
        globals.region = value;
        break;
      case 'output':
        globals.output = value as OutputFormat;
        break;
      case 'query':
        globals.query = value;
        break;
      case 'endpoint-url':
        globals.endpointUrl = value;
        break;
      case 'color':
        globals.color = value as GlobalOptions['color'];
        break;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const spec = looksLikeOption(word) ? findOption(word, GLOBAL_OPTIONS) : undefined;
    if (spec === undefined) {
      rest.push(word);
      continue;
    }
    const [, explicit] = splitOption(word);
    if (!spec.takesValue) {
      if (explicit !== undefined)
        fail(
          usageError(`argument --${spec.name}: ignored explicit argument ${pythonRepr(explicit)}`),
        );
      set(spec, undefined);
      continue;
    }
    let value = explicit;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || looksLikeOption(next))
        fail(usageError(`argument --${spec.name}: expected one argument`));
      value = next;
      i++;
    }
    if (spec.choices !== undefined && !spec.choices.includes(value)) {
      fail(usageError(`argument --${spec.name}: ${invalidChoiceMessage(value, spec.choices)}`));
    }
    if (spec.integer === true && pythonIntValue(value) === undefined) {
      fail(usageError(`argument --${spec.name}: invalid int value: ${pythonRepr(value)}`));
    }
    set(spec, value);
  }
  if (globals.query !== undefined) checkQuery(globals.query);
  return { globals, rest, version };
}

/** The CLI compiles `--query` before anything else runs. */
function checkQuery(query: string): void {
  try {
    search(null, query);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'ParserError' || name === 'LexerError') {
      const reason = error instanceof Error ? error.message : String(error);
      fail(cliError(`Bad value for --query ${query}: Invalid jmespath expression: ${reason}`, 252));
    }
  }
}

/** A flag's value as argparse collected it. */
type RawValue = string | string[] | boolean;

interface CollectedArgs {
  values: Map<Flag, RawValue>;
  positionals: string[];
  unknown: string[];
}

/** argparse over one command's flags (ArgTableArgParser.parse_known_args). */
function collectArgs(command: Command, args: readonly string[]): CollectedArgs {
  const values = new Map<Flag, RawValue>();
  const positionals: string[] = [];
  const unknown: string[] = [];
  const flags = [...command.flags.values()];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!looksLikeOption(word)) {
      positionals.push(word);
      continue;
    }
    const flag = findOption(word, flags);
    if (flag === undefined) {
      unknown.push(word);
      continue;
    }
    const [, explicit] = splitOption(word);
    if (flag.kind === 'member' && flag.booleanValue !== undefined) {
      if (explicit !== undefined) {
        fail(
          usageError(`argument --${flag.name}: ignored explicit argument ${pythonRepr(explicit)}`),
        );
      }
      // `--x` and `--no-x` share one destination: the last one given wins.
      for (const other of flags)
        if (other.kind === 'member' && other.member === flag.member) values.delete(other);
      values.set(flag, flag.booleanValue);
      continue;
    }
    if (flag.kind === 'member' && flag.shape.type === 'list') {
      const items: string[] = explicit === undefined ? [] : [explicit];
      if (explicit === undefined) {
        while (i + 1 < args.length && !looksLikeOption(args[i + 1] ?? '') && args[i + 1] !== '--') {
          items.push(args[i + 1] ?? '');
          i++;
        }
      }
      values.set(flag, items);
      continue;
    }
    let value = explicit;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || looksLikeOption(next))
        fail(usageError(`argument --${flag.name}: expected one argument`));
      value = next;
      i++;
    }
    if (flag.kind === 'extra' && flag.choices !== undefined && !flag.choices.includes(value)) {
      fail(usageError(`argument --${flag.name}: ${invalidChoiceMessage(value, flag.choices)}`));
    }
    if (
      flag.kind === 'paging' &&
      flag.valueType === 'integer' &&
      pythonIntValue(value) === undefined
    ) {
      fail(usageError(`argument --${flag.name}: invalid int value: ${pythonRepr(value)}`));
    }
    values.set(flag, value);
  }
  return { values, positionals, unknown };
}

class ValueReader {
  constructor(
    private readonly model: ServiceModel,
    private readonly options: ParseOptions,
  ) {}

  /** os.path.expanduser and os.path.expandvars, as paramfile.py applies them. */
  private expandPath(path: string): string {
    const env = this.options.env ?? {};
    const home = env.HOME;
    const expanded =
      home !== undefined && (path === '~' || path.startsWith('~/')) ? home + path.slice(1) : path;
    return expanded.replace(
      /\$(\w+)|\$\{(\w+)\}/g,
      (whole, a?: string, b?: string) => env[a ?? b ?? ''] ?? whole,
    );
  }

  private readPath(path: string): string | undefined {
    return this.options.readFile?.(this.expandPath(path));
  }

  /** paramfile.py: a `file://` or `fileb://` value is replaced by the file's contents. */
  private paramFile(flag: Flag, value: string): string {
    for (const prefix of ['file://', 'fileb://']) {
      if (!value.startsWith(prefix)) continue;
      const path = value.slice(prefix.length);
      const text = this.readPath(path);
      if (text === undefined) {
        fail(
          parameterError(
            flag.name,
            `Unable to load paramfile ${value}: [Errno 2] No such file or directory: ${pythonRepr(this.expandPath(path))}`,
          ),
        );
      }
      return text;
    }
    return value;
  }

  read(flag: MemberFlag, raw: string | string[]): unknown {
    let value: string | string[] = raw;
    if (typeof raw === 'string') value = this.paramFile(flag, raw);
    else if (raw.length === 1) value = this.paramFile(flag, raw[0] ?? '');
    if (supportsShorthand(this.model, flag.shape)) {
      const shorthand = this.shorthand(flag, value);
      if (shorthand !== undefined) return shorthand;
    }
    return this.unpack(flag, flag.shape, value);
  }

  /** argprocess.py's ParamShorthandParser: used unless the value looks like JSON. */
  private shorthand(flag: MemberFlag, value: string | string[]): unknown {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && /^\s*[[{]/.test(first)) return undefined;
    const { shape } = flag;
    // The CLI's special case: a structure whose only member is a string `Value` takes a bare value.
    const members = Object.keys(shape.members ?? {});
    if (
      shape.type === 'structure' &&
      typeof value === 'string' &&
      members.length === 1 &&
      members[0] === 'Value'
    ) {
      const valueShape = shape.members?.Value;
      if (
        valueShape !== undefined &&
        shapeOf(this.model, valueShape).type === 'string' &&
        !value.includes('=')
      ) {
        return { Value: value };
      }
    }
    try {
      const parsed = Array.isArray(value)
        ? value.map((item) => parseShorthand(item))
        : parseShorthand(value);
      return applyModel(this.model, shape, parsed);
    } catch (error) {
      if (error instanceof ShorthandSyntaxError) fail(parameterError(flag.name, error.message));
      if (error instanceof ShorthandConversionError) fail(cliError(error.message, 255));
      throw error;
    }
  }

  private json(flag: MemberFlag, text: string): unknown {
    const parsed = parsePythonJson(text);
    if (!parsed.ok)
      fail(parameterError(flag.name, `Invalid JSON: ${parsed.message}\nJSON received: ${text}`));
    return parsed.value;
  }

  /** argprocess.py's unpack_cli_arg. */
  private unpack(flag: MemberFlag, shape: Shape, value: string | string[]): unknown {
    if (shape.type === 'structure' || shape.type === 'map') {
      const text = Array.isArray(value) ? (value[0] ?? '') : value;
      if (text.trimStart().startsWith('{')) return this.json(flag, text);
      return fail(parameterError(flag.name, `Invalid JSON:\n${text}`));
    }
    if (shape.type === 'list') {
      if (typeof value === 'string' && value.trimStart().startsWith('['))
        return this.json(flag, value);
      if (Array.isArray(value) && value.length === 1 && (value[0] ?? '').trim().startsWith('[')) {
        return this.json(flag, value[0] ?? '');
      }
      // (The CLI would iterate the characters of a non-JSON file's text; one item is what was meant.)
      const items = Array.isArray(value) ? value : [value];
      const member = shape.member === undefined ? undefined : shapeOf(this.model, shape.member);
      return member === undefined ? items : items.map((item) => this.unpack(flag, member, item));
    }
    const text = Array.isArray(value) ? value.join(' ') : value;
    return this.scalar(flag, shape, text);
  }

  private scalar(flag: MemberFlag, shape: Shape, text: string): unknown {
    try {
      switch (shape.type) {
        case 'integer':
        case 'long':
          return pythonInt(text);
        case 'float':
        case 'double':
          return pythonFloat(text);
        case 'blob':
          if (shape.streaming !== true) return text;
          // A streaming body (s3api put-object --body) is the path of a file to send.
          return (
            this.readPath(text) ??
            fail(parameterError(flag.name, 'Blob values must be a path to a file.'))
          );
        default:
          return text;
      }
    } catch (error) {
      if (error instanceof ShorthandConversionError) fail(cliError(error.message, 255));
      throw error;
    }
  }
}

/** argprocess.py's _supports_shorthand_syntax: structures, maps, and lists of them. */
function supportsShorthand(model: ServiceModel, shape: Shape): boolean {
  if (shape.type === 'structure' || shape.type === 'map') return true;
  if (shape.type !== 'list' || shape.member === undefined) return false;
  const member = shapeOf(model, shape.member);
  return member.type === 'structure' || member.type === 'map' || member.type === 'list';
}

function choose(table: CommandTable, cliService: string | undefined): ServiceChoice {
  if (cliService === undefined)
    return fail(usageError('the following arguments are required: command'));
  if (cliService === 'help') return { kind: 'help' };
  const service = table.services.get(cliService);
  if (service !== undefined) return { kind: 'service', service };
  if (OTHER_CLI_COMMANDS.has(cliService)) return { kind: 'other' };
  return fail(
    usageError(
      `argument command: ${invalidChoiceMessage(cliService, [...table.services.keys(), 'help'])}`,
    ),
  );
}

type ServiceChoice =
  | { kind: 'help' }
  | { kind: 'other' }
  | { kind: 'service'; service: NonNullable<ReturnType<CommandTable['services']['get']>> };

/** Index of the first word that is not an option: the service, then the command. */
function firstPositional(words: readonly string[]): number {
  return words.findIndex((word) => !looksLikeOption(word));
}

function without(words: readonly string[], index: number): string[] {
  return index === -1 ? [...words] : [...words.slice(0, index), ...words.slice(index + 1)];
}

function parse(args: readonly string[], options: ParseOptions): ParseResult {
  const table = options.table ?? commandTable();
  const { globals, rest, version } = takeGlobals(args);
  if (version) return { kind: 'version', globals };
  const serviceIndex = firstPositional(rest);
  const cliService = serviceIndex === -1 ? undefined : rest[serviceIndex];
  const afterService = without(rest, serviceIndex);
  const choice = choose(table, cliService);
  if (choice.kind === 'help') return { kind: 'help', globals };
  if (choice.kind === 'other')
    return { kind: 'not-simulated', cliService: cliService ?? '', args: afterService, globals };
  const { service } = choice;
  const commandIndex = firstPositional(afterService);
  const commandName = commandIndex === -1 ? undefined : afterService[commandIndex];
  const commandArgs = without(afterService, commandIndex);
  if (commandName === undefined)
    fail(usageError('the following arguments are required: operation'));
  if (commandName === 'help') return { kind: 'help', cliService: service.cliService, globals };
  const command = service.commands.get(commandName);
  if (command === undefined) {
    if (service.notSimulated.has(commandName)) {
      return {
        kind: 'not-simulated',
        cliService: service.cliService,
        command: commandName,
        args: commandArgs,
        globals,
      };
    }
    fail(
      usageError(
        `argument operation: ${invalidChoiceMessage(commandName, [...service.commands.keys(), 'help'])}`,
      ),
    );
  }
  // ArgTableArgParser: a lone `help` is help, whatever else the command requires.
  if (commandArgs.length === 1 && commandArgs[0] === 'help') {
    return { kind: 'help', cliService: service.cliService, command: command.name, globals };
  }
  return parseCommandArgs(command, commandArgs, globals, options);
}

function parseCommandArgs(
  command: Command,
  args: readonly string[],
  globals: GlobalOptions,
  options: ParseOptions,
): ParseResult {
  const { values, positionals, unknown } = collectArgs(command, args);
  const outfile = command.positional === undefined ? undefined : positionals.shift();
  const missing = [...command.flags.values()]
    .filter((flag) => flag.required && !values.has(flag))
    .map((flag) => `--${flag.name}`);
  if (command.positional?.required === true && outfile === undefined)
    missing.push(command.positional.name);
  if (missing.length > 0)
    fail(usageError(`the following arguments are required: ${missing.join(', ')}`));
  // The optional `help` positional takes the first stray word; the CLI lists it last.
  const [helpWord, ...strays] = positionals;
  if (helpWord === 'help') {
    return { kind: 'help', cliService: command.cliService, command: command.name, globals };
  }
  const unknownWords = [...unknown, ...strays, ...(helpWord === undefined ? [] : [helpWord])];
  if (unknownWords.length > 0) fail(unknownOptions(unknownWords));

  const reader = new ValueReader(command.model, options);
  const params: Record<string, unknown> = {};
  const paging: Paging = {};
  const cliArgs: Record<string, string> = {};
  if (outfile !== undefined && command.positional !== undefined)
    cliArgs[command.positional.name] = outfile;
  for (const [flag, raw] of values) {
    if (flag.kind === 'member') {
      params[flag.member] = typeof raw === 'boolean' ? raw : reader.read(flag, raw);
    } else if (flag.kind === 'paging' && typeof raw === 'string') {
      if (flag.name === 'starting-token') paging.startingToken = raw;
      else if (flag.name === 'page-size') paging.pageSize = pythonInt(raw);
      else paging.maxItems = pythonInt(raw);
    } else if (typeof raw === 'string') cliArgs[flag.name] = raw;
  }
  if (command.service === 'ec2' && command.operation === 'RunInstances') {
    const count = instanceCount(cliArgs.count);
    if (typeof count === 'string') fail(validationFailed([count]));
    Object.assign(params, count);
  }
  if (command.input !== undefined) {
    const errors = clientValidationErrors(command.model, command.input, params);
    if (errors.length > 0) fail(validationFailed(errors));
  }
  return {
    kind: 'command',
    service: command.service,
    cliService: command.cliService,
    command: command.name,
    operation: command.operation,
    params,
    globals,
    paging,
    cliArgs,
  };
}

/**
 * Parses the words after `aws` (as the shell split them) into a command for the world, or the
 * CLI's error. Never throws.
 */
export function parseCommand(args: readonly string[], options: ParseOptions = {}): ParseResult {
  try {
    return parse(args, options);
  } catch (error) {
    if (error instanceof Failure) return error.error;
    return cliError(error instanceof Error ? error.message : String(error), 255);
  }
}
