// The table of `aws <service> <command> [--flags]`, generated from the service models the way the
// AWS CLI builds its own (awscli/clidriver.py): each operation becomes a command named by
// `cliName`, each input member a flag (booleans also get `--no-` flags), paginated operations get
// `--starting-token`, `--page-size` and `--max-items` (awscli/customizations/paginate.py), plus
// the customizations in cli-customizations.ts. It drives parsing, help and completion.
import { CLI_SERVICE_NAMES, CUSTOMIZATIONS, type ExtraArgument } from './cli-customizations.js';
import {
  shapeOf,
  type OperationModel,
  type ServiceModel,
  type Shape,
} from '../aws/models/model.js';
import { SERVICE_MODELS } from '../aws/models/index.js';
import { cliName } from './names.js';

interface FlagBase {
  /** Without the leading `--`: `user-name`. */
  name: string;
  required: boolean;
  /** Accepted but not documented (the pagination tokens the CLI hides). */
  hidden: boolean;
}

/** A flag for an API member: `--user-name` -> `UserName`. */
export interface MemberFlag extends FlagBase {
  kind: 'member';
  member: string;
  shape: Shape;
  /** For booleans: `--x` sets true, `--no-x` sets false; neither takes a value. */
  booleanValue?: boolean;
}

/** `--starting-token`, `--page-size`, `--max-items`: the CLI's own pagination. */
export interface PagingFlag extends FlagBase {
  kind: 'paging';
  /** argparse's type for the value. */
  valueType: 'string' | 'integer';
}

/** An argument the CLI adds (`--outfile`, `--count`...); see cli-customizations.ts. */
export interface ExtraFlag extends FlagBase {
  kind: 'extra';
  choices?: readonly string[];
}

export type Flag = MemberFlag | PagingFlag | ExtraFlag;

export interface Command {
  /** `iam`, `s3api`, ... */
  cliService: string;
  /** botocore's service name: `iam`, `s3`, ... */
  service: string;
  /** `create-user` */
  name: string;
  /** `CreateUser` */
  operation: string;
  model: ServiceModel;
  operationModel: OperationModel;
  input: Shape | undefined;
  /** By name, in the order the CLI lists (and checks) them. */
  flags: ReadonlyMap<string, Flag>;
  positional: ExtraArgument | undefined;
}

export interface ServiceCommands {
  cliService: string;
  service: string;
  model: ServiceModel;
  /** By command name, sorted. */
  commands: ReadonlyMap<string, Command>;
  /** Command names of the service's other operations, which exist in AWS but not here. */
  notSimulated: ReadonlySet<string>;
}

export interface CommandTable {
  /** By CLI service name, sorted. */
  services: ReadonlyMap<string, ServiceCommands>;
}

const PAGING_FLAGS = ['starting-token', 'page-size', 'max-items'] as const;

function memberFlags(model: ServiceModel, input: Shape, removed: readonly string[]): Flag[] {
  const required = new Set(input.required ?? []);
  const flags: Flag[] = [];
  for (const [member, ref] of Object.entries(input.members ?? {})) {
    if (removed.includes(member)) continue;
    const shape = shapeOf(model, ref);
    // awscli/clidriver.py: an idempotency token is never required (the SDK fills it in).
    const base = {
      kind: 'member' as const,
      member,
      shape,
      required: required.has(member) && ref.idempotencyToken !== true,
      hidden: false,
    };
    const name = cliName(member);
    if (shape.type === 'boolean') {
      flags.push(
        { ...base, name, booleanValue: true },
        { ...base, name: `no-${name}`, booleanValue: false },
      );
    } else {
      flags.push({ ...base, name });
    }
  }
  return flags;
}

/** awscli/customizations/paginate.py: hide the service's tokens, add the CLI's own paging flags. */
function paginate(operation: OperationModel, flags: Map<string, Flag>): void {
  const paginator = operation.paginator;
  if (paginator === undefined) return;
  const tokens = [...paginator.inputToken, ...(paginator.limitKey ? [paginator.limitKey] : [])];
  for (const token of tokens) {
    const flag = flags.get(cliName(token));
    if (flag !== undefined) flags.set(flag.name, { ...flag, hidden: true });
  }
  const limit =
    paginator.limitKey === undefined ? undefined : flags.get(cliName(paginator.limitKey));
  const limitType =
    limit?.kind === 'member' && limit.shape.type === 'string' ? 'string' : 'integer';
  for (const name of PAGING_FLAGS) {
    if (name === 'page-size' && limit === undefined) continue;
    // A member flag of the same name (IAM's MaxItems) is shadowed, keeping its place in the order.
    flags.set(name, {
      kind: 'paging',
      name,
      required: false,
      hidden: false,
      valueType: name === 'starting-token' ? 'string' : limitType,
    });
  }
}

function buildCommand(
  cliService: string,
  service: string,
  model: ServiceModel,
  operation: string,
): Command {
  const operationModel = model.operations[operation];
  if (operationModel === undefined) throw new Error(`${service} has no operation ${operation}`);
  const customization = CUSTOMIZATIONS[`${service} ${operation}`] ?? {};
  const input =
    operationModel.input === undefined ? undefined : shapeOf(model, operationModel.input);
  const flags = new Map<string, Flag>();
  if (input !== undefined) {
    for (const flag of memberFlags(model, input, customization.removeMembers ?? [])) {
      flags.set(flag.name, flag);
    }
  }
  paginate(operationModel, flags);
  let positional: ExtraArgument | undefined;
  for (const extra of customization.extraArguments ?? []) {
    if (extra.positional === true) positional = extra;
    else {
      flags.set(extra.name, {
        kind: 'extra',
        name: extra.name,
        required: extra.required,
        hidden: false,
        ...(extra.choices === undefined ? {} : { choices: extra.choices }),
      });
    }
  }
  return {
    cliService,
    service,
    name: cliName(operation),
    operation,
    model,
    operationModel,
    input,
    flags,
    positional,
  };
}

function byName<T>(entries: [string, T][]): Map<string, T> {
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A service's commands by name, sorted, each built the first time it is asked for: loading lessons
 * parses their checks' commands, and a start of the tutorial should not build all of IAM's
 * commands (nor EC2's) for the few its checks run.
 */
class Commands implements ReadonlyMap<string, Command> {
  readonly #operations: ReadonlyMap<string, string>;
  readonly #built = new Map<string, Command>();
  readonly #build: (operation: string) => Command;

  constructor(operations: readonly string[], build: (operation: string) => Command) {
    // buildCommand names each command `cliName(operation)`.
    this.#operations = byName(operations.map((operation) => [cliName(operation), operation]));
    this.#build = build;
  }

  get size(): number {
    return this.#operations.size;
  }

  has(name: string): boolean {
    return this.#operations.has(name);
  }

  get(name: string): Command | undefined {
    const operation = this.#operations.get(name);
    if (operation === undefined) return undefined;
    let command = this.#built.get(name);
    if (command === undefined) {
      command = this.#build(operation);
      this.#built.set(name, command);
    }
    return command;
  }

  keys() {
    return this.#operations.keys();
  }

  /** Every command, built. */
  #all(): Map<string, Command> {
    return new Map([...this.#operations.keys()].map((name) => [name, this.get(name) as Command]));
  }

  entries() {
    return this.#all().entries();
  }

  values() {
    return this.#all().values();
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  forEach(
    callback: (command: Command, name: string, map: ReadonlyMap<string, Command>) => void,
    thisArg?: unknown,
  ): void {
    for (const [name, command] of this.#all()) callback.call(thisArg, command, name, this);
  }
}

/**
 * Builds the table from service models (by default the checked-in ones). A service's commands are
 * built when first asked for: loading lessons parses their checks' commands, and a start of the
 * tutorial should not build EC2's commands for a check that reads IAM.
 */
export function buildCommandTable(
  models: Readonly<Record<string, ServiceModel>> = SERVICE_MODELS,
): CommandTable {
  const services = Object.entries(models).map(([service, model]): [string, ServiceCommands] => {
    const cliService = CLI_SERVICE_NAMES[service] ?? service;
    let built: Pick<ServiceCommands, 'commands' | 'notSimulated'> | undefined;
    const build = () => {
      const commands = new Commands(Object.keys(model.operations), (operation) =>
        buildCommand(cliService, service, model, operation),
      );
      const notSimulated = new Set(
        model.allOperations.map(cliName).filter((name) => !commands.has(name)),
      );
      return { commands, notSimulated };
    };
    return [
      cliService,
      {
        cliService,
        service,
        model,
        get commands() {
          built ??= build();
          return built.commands;
        },
        get notSimulated() {
          built ??= build();
          return built.notSimulated;
        },
      },
    ];
  });
  return { services: byName(services) };
}

let defaultTable: CommandTable | undefined;

/** The table of the checked-in models, built once. */
export function commandTable(): CommandTable {
  defaultTable ??= buildCommandTable();
  return defaultTable;
}
