// The tools of the on-premises scenario: `ca` is the company's certificate authority (make one,
// issue a server its certificate), and `aws_signing_helper credential-process` is AWS's helper
// that trades a certificate and its key for a role's credentials through IAM Roles Anywhere,
// printing them in the credential_process format that `~/.aws/config` can use.
import { createCertificateAuthority, issueCertificate } from '../aws/certificates.js';
import { AwsError } from '../aws/errors.js';
import { createSession } from '../aws/roles-anywhere.js';
import { currentMachine, readMachineFile, writeMachineFile, type Machine } from './machine.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';
import { option, parseToolOptions } from './tool-options.js';

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
  const options = parseToolOptions(rest, [
    'name',
    'ca-cert',
    'ca-key',
    'cn',
    'o',
    'days',
    'cert-out',
    'key-out',
  ]);
  if (typeof options === 'string') return failed(`ca: ${options}\n${CA_USAGE}`, 2);
  const machine = currentMachine(session.state);
  const certOut = option(options, 'cert-out');
  const keyOut = option(options, 'key-out');
  if (certOut === undefined || keyOut === undefined) {
    return failed(`ca: give --cert-out and --key-out\n${CA_USAGE}`, 2);
  }
  const name = option(options, 'name');
  const cn = option(options, 'cn');
  let made: { certificate: string; privateKey: string } | string;
  if (subcommand === 'create' && name !== undefined) {
    made = createCertificateAuthority(session.world, name);
  } else if (subcommand === 'issue' && cn !== undefined) {
    const authority = files(machine, [option(options, 'ca-cert'), option(options, 'ca-key')]);
    if (typeof authority === 'string') return failed(`ca: ${authority}\n`, 1);
    const [certificate = '', privateKey = ''] = authority;
    const days = Number(option(options, 'days') ?? 365);
    if (!Number.isInteger(days) || days < 1) {
      return failed('ca: --days takes a whole number of days\n', 2);
    }
    const organization = option(options, 'o');
    const subject = { CN: cn, ...(organization === undefined ? {} : { O: organization }) };
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
  const options = parseToolOptions(rest, [
    'certificate',
    'private-key',
    'trust-anchor-arn',
    'profile-arn',
    'role-arn',
    'region',
  ]);
  if (subcommand !== 'credential-process' || typeof options === 'string') {
    return failed(`${typeof options === 'string' ? `${options}\n` : ''}${HELPER_USAGE}`, 1);
  }
  const machine = currentMachine(session.state);
  const texts = files(machine, [option(options, 'certificate'), option(options, 'private-key')]);
  if (typeof texts === 'string') return failed(`${texts}\n`, 1);
  const [certificate = '', privateKey = ''] = texts;
  const trustAnchorArn = option(options, 'trust-anchor-arn');
  const profileArn = option(options, 'profile-arn');
  const roleArn = option(options, 'role-arn');
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
      region: option(options, 'region') ?? trustAnchorArn.split(':')[3] ?? 'us-east-1',
      sourceIp: machine.sourceIp,
    });
    return printed(`${JSON.stringify(credentials)}\n`);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return failed(`AccessDeniedException: ${error.message}\n`, 1);
  }
}
