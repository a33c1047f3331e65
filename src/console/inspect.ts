// Looking at the world as an `aws` command would show it, without being the learner: a grader (or
// an instructor's check) runs a read-only command as an account's root user and reads the value
// it would print. Nothing is recorded: the event log is left as the learner's own.
import { callApi } from '../aws/api.js';
import type { World } from '../aws/world.js';
import type { Operation } from '../aws/operation.js';
import { findOperation } from '../aws/operations.js';
import { responseValue } from './format-output.js';
import { parseCommand, type ParsedCommand } from './parse-command.js';
import { tokenize } from './tokenize.js';

export type Inspection = { ok: true; value: unknown } | { ok: false; message: string };

/** Operations that only read: what a check may run. */
const READ_ONLY = /^(?:Get|List|Describe)/;

type ParsedInspection =
  { ok: true; command: ParsedCommand; operation: Operation } | { ok: false; message: string };

/** Reads `aws ...` (one command, no shell syntax) and refuses what is not a read the simulator has. */
export function parseInspection(commandLine: string): ParsedInspection {
  const tokens = tokenize(commandLine);
  if (tokens.kind !== 'tokens') return { ok: false, message: `${tokens.message}: ${commandLine}` };
  const [program, ...args] = tokens.tokens.map((token) => token.value);
  if (program !== 'aws') return { ok: false, message: `expected an aws command: ${commandLine}` };
  const parsed = parseCommand(args);
  if (parsed.kind === 'error') return { ok: false, message: parsed.stderr.trim() };
  if (parsed.kind !== 'command') return { ok: false, message: `not an API call: ${commandLine}` };
  const operation = findOperation(parsed.service, parsed.operation);
  if (operation === undefined || !READ_ONLY.test(parsed.operation)) {
    return { ok: false, message: `not a read-only command the simulator has: ${commandLine}` };
  }
  return { ok: true, command: parsed, operation };
}

/** Runs `aws ...` as the root user of `account` and returns the value it would print. */
export function inspectWorld(world: World, account: string, commandLine: string): Inspection {
  const parsed = parseInspection(commandLine);
  if (!parsed.ok) return parsed;
  const { command, operation } = parsed;
  const events = world.events.length;
  const result = callApi(world, {
    caller: { rootOf: account },
    operation,
    params: command.params,
    region: command.globals.region ?? 'us-east-1',
    sourceIp: '198.51.100.1',
  });
  world.events.length = events;
  if (!result.ok) return { ok: false, message: `${result.error.code}: ${result.error.message}` };
  return responseValue(command, result.response);
}
