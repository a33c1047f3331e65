// The tools of the on-premises scenario: `ca` is the company's certificate authority (make one,
// issue a server its certificate), and `aws_signing_helper credential-process` is AWS's helper
// that trades a certificate and its key for a role's credentials through IAM Roles Anywhere,
// printing them in the credential_process format that `~/.aws/config` can use.
import { createCertificateAuthority, issueCertificate } from '../aws/certificates.js';
import { AwsError } from '../aws/errors.js';
import { createSession } from '../aws/roles-anywhere.js';
import { currentMachine, readMachineFile, writeMachineFile, type Machine } from './machine.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';

/** `--name value` pairs; the names allowed, or a message. */
function flagsOf(
  args: readonly string[],
  allowed: readonly string[],
): Record<string, string> | string {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = (args[i] ?? '').replace(/^--/, '');
    const value = args[i + 1];
    if (!allowed.includes(name) || !(args[i] ?? '').startsWith('--'))
      return `unknown option ${args[i] ?? ''}`;
    if (value === undefined) return `--${name} needs a value`;
    flags[name] = value;
  }
  return flags;
}

function files(machine: Machine, paths: readonly (string | undefined)[]): string[] | string {
  const texts: string[] = [];
  for (const path of paths) {
    const text = path === undefined ? undefined : readMachineFile(machine, path);
    if (text === undefined) return `${path ?? '(missing option)'}: No such file`;
    texts.push(text);
  }
  return texts;
}

const CA_USAGE =
  'usage: ca create --name NAME --cert-out FILE --key-out FILE\n' +
  '       ca issue --ca-cert FILE --ca-key FILE --cn NAME [--o ORG] [--days N] --cert-out FILE --key-out FILE\n';

export function certificateAuthority(session: ConsoleSession, args: readonly string[]): LineOutput {
  const [subcommand, ...rest] = args;
  const flags = flagsOf(rest, [
    'name',
    'ca-cert',
    'ca-key',
    'cn',
    'o',
    'days',
    'cert-out',
    'key-out',
  ]);
  if (typeof flags === 'string') return failed(`ca: ${flags}\n${CA_USAGE}`, 2);
  const machine = currentMachine(session.state);
  const certOut = flags['cert-out'];
  const keyOut = flags['key-out'];
  if (certOut === undefined || keyOut === undefined) {
    return failed(`ca: give --cert-out and --key-out\n${CA_USAGE}`, 2);
  }
  let made: { certificate: string; privateKey: string } | string;
  if (subcommand === 'create' && flags.name !== undefined) {
    made = createCertificateAuthority(session.world, flags.name);
  } else if (subcommand === 'issue' && flags.cn !== undefined) {
    const authority = files(machine, [flags['ca-cert'], flags['ca-key']]);
    if (typeof authority === 'string') return failed(`ca: ${authority}\n`, 1);
    const [certificate = '', privateKey = ''] = authority;
    const days = Number(flags.days ?? 365);
    if (!Number.isInteger(days) || days < 1)
      return failed('ca: --days takes a whole number of days\n', 2);
    const subject = { CN: flags.cn, ...(flags.o === undefined ? {} : { O: flags.o }) };
    made = issueCertificate(session.world, { certificate, privateKey }, subject, days);
  } else {
    return failed(CA_USAGE, 2);
  }
  if (typeof made === 'string') return failed(`ca: ${made}\n`, 1);
  writeMachineFile(machine, certOut, made.certificate);
  writeMachineFile(machine, keyOut, made.privateKey);
  return printed('');
}

const HELPER_USAGE =
  'usage: aws_signing_helper credential-process --certificate FILE --private-key FILE\n' +
  '         --trust-anchor-arn ARN --profile-arn ARN --role-arn ARN\n';

/** `aws_signing_helper credential-process ...`: the credentials as JSON, or the helper's error. */
export function signingHelper(session: ConsoleSession, args: readonly string[]): LineOutput {
  const [subcommand, ...rest] = args;
  const flags = flagsOf(rest, [
    'certificate',
    'private-key',
    'trust-anchor-arn',
    'profile-arn',
    'role-arn',
    'region',
  ]);
  if (subcommand !== 'credential-process' || typeof flags === 'string') {
    return failed(`${typeof flags === 'string' ? `${flags}\n` : ''}${HELPER_USAGE}`, 1);
  }
  const machine = currentMachine(session.state);
  const texts = files(machine, [flags.certificate, flags['private-key']]);
  if (typeof texts === 'string') return failed(`${texts}\n`, 1);
  const [certificate = '', privateKey = ''] = texts;
  const arns = [flags['trust-anchor-arn'], flags['profile-arn'], flags['role-arn']];
  const [trustAnchorArn, profileArn, roleArn] = arns;
  if (trustAnchorArn === undefined || profileArn === undefined || roleArn === undefined) {
    return failed(HELPER_USAGE, 1);
  }
  try {
    const credentials = createSession(session.world, {
      certificate,
      privateKey,
      trustAnchorArn,
      profileArn,
      roleArn,
      region: flags.region ?? trustAnchorArn.split(':')[3] ?? 'us-east-1',
      sourceIp: machine.sourceIp,
    });
    return printed(`${JSON.stringify(credentials)}\n`);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return failed(`AccessDeniedException: ${error.message}\n`, 1);
  }
}
