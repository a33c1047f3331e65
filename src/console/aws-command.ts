// `aws ...` on the learner's machine: parse the words as the AWS CLI does, find the signing
// credentials through the CLI's chain, call the simulated API, and print what the CLI prints:
// the response in the chosen format, or the service's error on stderr with the CLI's exit code.
import { callApi } from '../aws/api.js';
import type { Credentials } from '../aws/caller.js';
import { instanceRoleCredentials } from '../aws/imds.js';
import { findOperation } from '../aws/operations.js';
import { AssumeRole } from '../aws/sts.js';
import { serviceError, validationFailed, type CliError } from './cli-errors.js';
import { commandTable } from './command-table.js';
import { runConfigure } from './configure-command.js';
import {
  findCredentials,
  resolveOutput,
  resolveRegion,
  type AssumeRole as AssumeRoleFn,
} from './credentials.js';
import { renderResponse } from './format-output.js';
import { signingHelper } from './certificate-tools.js';
import { helpText } from './help-text.js';
import { shapeOf } from '../aws/models/model.js';
import { SERVICE_MODELS } from '../aws/models/index.js';
import { clientValidationErrors } from './param-validation.js';
import { answersFrom, type Ask } from './questions.js';
import { tokenize } from './tokenize.js';
import { currentMachine, readMachineFile, writeMachineFile, type Machine } from './machine.js';
import type { GlobalOptions } from './global-options.js';
import { parseCommand, type ParsedCommand } from './parse-command.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';

/** The version line of the AWS CLI whose models the simulator was built from. */
const CLI_VERSION = 'aws-cli/2.9.0 Python/3.9.11 Linux/iam-tutor exe/x86_64 (simulated)\n';

const fromCliError = (error: CliError): LineOutput => failed(error.stderr, error.exitCode);

function notSimulated(words: string): LineOutput {
  return failed(
    `\niam-tutor: 'aws ${words}' is a real AWS CLI command that this simulator does not have.\n` +
      `Type 'aws help' for the services it simulates, 'aws <service> help' for their commands.\n`,
    252,
  );
}

/** botocore's check of the parameters its credential provider sends, as of any other call. */
function assumeRoleParamErrors(params: Record<string, unknown>): string[] {
  const sts = SERVICE_MODELS.sts;
  const input = sts?.operations.AssumeRole?.input;
  return sts === undefined || input === undefined
    ? []
    : clientValidationErrors(sts, shapeOf(sts, input), params);
}

/**
 * A role profile's AssumeRole, signed with its source profile's credentials. With `mfa_serial`
 * the CLI first asks for a code, unseen (botocore's AssumeRoleCredentialFetcher, getpass).
 */
function assumeRoleWith(
  session: ConsoleSession,
  machine: Machine,
  region: string,
  ask: Ask,
): AssumeRoleFn {
  return (source, role) => {
    const mfa =
      role.mfaSerial === undefined
        ? {}
        : {
            SerialNumber: role.mfaSerial,
            TokenCode: ask({ prompt: `Enter MFA code for ${role.mfaSerial}: `, secret: true }),
          };
    const params = {
      RoleArn: role.roleArn,
      RoleSessionName: role.roleSessionName,
      ...(role.externalId === undefined ? {} : { ExternalId: role.externalId }),
      ...(role.durationSeconds === undefined ? {} : { DurationSeconds: role.durationSeconds }),
      ...mfa,
    };
    const invalid = assumeRoleParamErrors(params);
    if (invalid.length > 0) return { ok: false, error: validationFailed(invalid) };
    const result = callApi(session.world, {
      caller: source,
      operation: AssumeRole,
      params,
      region,
      sourceIp: machine.sourceIp,
    });
    if (!result.ok) {
      return {
        ok: false,
        error: serviceError(result.error.code, 'AssumeRole', result.error.message),
      };
    }
    const credentials = result.response.Credentials as Record<string, string>;
    return {
      ok: true,
      credentials: {
        accessKeyId: credentials.AccessKeyId ?? '',
        secretAccessKey: credentials.SecretAccessKey ?? '',
        sessionToken: credentials.SessionToken ?? '',
      },
      expiration: credentials.Expiration ?? '',
    };
  };
}

/** On an EC2 instance, its role's credentials from the metadata service, as the SDKs get them. */
function instanceCredentials(session: ConsoleSession, machine: Machine): Credentials | undefined {
  const instance =
    machine.instanceId === undefined ? undefined : session.world.instances[machine.instanceId];
  if (instance?.state !== 'running') return undefined;
  const found = instanceRoleCredentials(session.world, instance);
  return (
    found && {
      accessKeyId: found.accessKeyId,
      secretAccessKey: found.secretAccessKey,
      sessionToken: found.sessionToken,
    }
  );
}

/** A profile's credential_process: the one program of the simulated machines is the signing helper. */
function runCredentialProcess(
  session: ConsoleSession,
  machine: Machine,
  commandLine: string,
): { ok: true; stdout: string } | { ok: false; stderr: string } {
  const tokens = tokenize(commandLine, machine.env);
  const words = tokens.kind === 'tokens' ? tokens.tokens.map((token) => token.value) : [];
  if (words[0] !== 'aws_signing_helper') {
    return {
      ok: false,
      stderr: `${words[0] ?? commandLine}: the simulated machines run only aws_signing_helper`,
    };
  }
  const output = signingHelper(session, words.slice(1));
  return output.exitCode === 0
    ? { ok: true, stdout: output.stdout }
    : { ok: false, stderr: output.stderr };
}

/** The credentials the CLI chain finds on the machine, with every provider the console has. */
function findSigningCredentials(
  session: ConsoleSession,
  machine: Machine,
  globals: GlobalOptions,
  ask: Ask,
) {
  return findCredentials(
    machine,
    globals,
    assumeRoleWith(session, machine, resolveRegion(machine, globals), ask),
    session.world.now,
    {
      instanceRole: () => instanceCredentials(session, machine),
      credentialProcess: (commandLine) => runCredentialProcess(session, machine, commandLine),
    },
  );
}

/**
 * Where the CLI sends part of a response to a file instead of printing it: the object's body
 * (`aws s3api get-object ... outfile`), a virtual MFA device's seed (`--outfile`).
 */
function writeOutfiles(
  machine: Machine,
  command: ParsedCommand,
  response: Record<string, unknown>,
): Record<string, unknown> {
  const outfile = command.cliArgs.outfile;
  if (outfile === undefined) return response;
  if (command.operation === 'GetObject') {
    const { Body: body, ...rest } = response;
    writeMachineFile(machine, outfile, typeof body === 'string' ? body : '');
    return rest;
  }
  if (command.operation === 'CreateVirtualMFADevice') {
    const device = response.VirtualMFADevice as Record<string, unknown>;
    const { Base32StringSeed: seed, ...rest } = device;
    writeMachineFile(machine, outfile, typeof seed === 'string' ? seed : '');
    return { VirtualMFADevice: rest };
  }
  return response;
}

function runCommand(
  session: ConsoleSession,
  machine: Machine,
  command: ParsedCommand,
  ask: Ask,
): LineOutput {
  const operation = findOperation(command.service, command.operation);
  if (operation === undefined) return notSimulated(`${command.cliService} ${command.command}`);
  const { world } = session;
  const region = resolveRegion(machine, command.globals);
  let caller: Credentials | 'anonymous' = 'anonymous';
  // The CLI sends unsigned what proves its caller itself (assume-role-with-web-identity).
  if (!command.globals.noSignRequest && operation.identify === undefined) {
    const credentials = findSigningCredentials(session, machine, command.globals, ask);
    if (!credentials.ok) return fromCliError(credentials.error);
    caller = credentials.value.credentials;
  }
  const result = callApi(world, {
    caller,
    operation,
    params: command.params,
    region,
    sourceIp: machine.sourceIp,
  });
  if (!result.ok) {
    return fromCliError(serviceError(result.error.code, operation.name, result.error.message));
  }
  const response = writeOutfiles(machine, command, result.response);
  const output = resolveOutput(machine, command.globals);
  const rendered = renderResponse(
    { ...command, globals: { ...command.globals, output } },
    response,
    session.terminalWidth === undefined ? {} : { terminalWidth: session.terminalWidth },
  );
  return rendered.kind === 'output' ? printed(rendered.stdout) : fromCliError(rendered);
}

/** Runs `aws` with these words (already split and expanded by the shell). */
export function runAws(session: ConsoleSession, args: readonly string[]): LineOutput {
  const machine = currentMachine(session.state);
  // What the CLI asks (configure's questions, an MFA code) reads the answers typed so far.
  const ask = answersFrom(session.answers ?? []);
  const parsed = parseCommand(args, {
    readFile: (path) => readMachineFile(machine, path),
    env: machine.env,
  });
  switch (parsed.kind) {
    case 'error':
      return fromCliError(parsed);
    case 'version':
      return printed(CLI_VERSION);
    case 'help': {
      const text = helpText(commandTable(), parsed.cliService, parsed.command);
      return text === undefined ? notSimulated(args.join(' ')) : printed(text);
    }
    case 'not-simulated':
      if (parsed.cliService === 'configure') {
        return runConfigure(
          machine,
          parsed,
          () => findSigningCredentials(session, machine, parsed.globals, ask),
          ask,
        );
      }
      // `aws s3 ls`: the CLI's own s3 commands come as the first argument.
      return notSimulated(
        [parsed.cliService, parsed.command ?? parsed.args[0] ?? ''].join(' ').trim(),
      );
    case 'command':
      return runCommand(session, machine, parsed, ask);
  }
}
