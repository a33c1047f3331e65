// Looking at the world as an `aws` command would show it, without being the learner: a grader (or
// an instructor's check) runs a read-only command in an account and reads the value it would
// print. It is the tutor looking, not a principal asking: no authorization (an SCP of the lesson
// must not hide the account from its own checks), no event, no key use recorded.
import { AwsError } from '../aws/errors.js';
import { checkInput } from '../aws/input.js';
import type { World } from '../aws/world.js';
import type { Operation, RequestEnvironment } from '../aws/operation.js';
import { findOperation } from '../aws/operations.js';
import { responseValue } from './format-output.js';
import { parseCommand, type ParsedCommand } from './parse-command.js';
import { tokenize } from './tokenize.js';

export type Inspection = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Operations that only read: what a check may run. STS's Get operations are left out: they issue
 * credentials (GetSessionToken), which would change the world and the ids after them.
 */
function readsOnly(operation: Operation): boolean {
  return /^(?:Get|List|Describe)/.test(operation.name) && operation.service !== 'sts';
}

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
  if (operation === undefined || !readsOnly(operation)) {
    return { ok: false, message: `not a read-only command the simulator has: ${commandLine}` };
  }
  return { ok: true, command: parsed, operation };
}

/** Runs `aws ...` in `account` and returns the value it would print. */
export function inspectWorld(world: World, account: string, commandLine: string): Inspection {
  const parsed = parseInspection(commandLine);
  if (!parsed.ok) return parsed;
  const { command, operation } = parsed;
  if (world.accounts[account] === undefined) return { ok: false, message: `no account ${account}` };
  const env: RequestEnvironment = {
    world,
    caller: { kind: 'root', account, mfa: false },
    region: command.globals.region ?? 'us-east-1',
    sourceIp: '198.51.100.1',
  };
  try {
    checkInput(operation, command.params);
    return responseValue(command, operation.run(env, command.params));
  } catch (error) {
    if (error instanceof AwsError) return { ok: false, message: `${error.code}: ${error.message}` };
    throw error;
  }
}
