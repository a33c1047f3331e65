// `saml-idp`: the company's identity provider, simulated. `metadata` gives the document an
// administrator uploads with `aws iam create-saml-provider`; `sign-in` is a user signing in and
// choosing AWS: the signed assertion the IdP would post to AWS, naming the roles it offers, for
// `aws sts assume-role-with-saml --saml-assertion file://...`.
import { DEFAULT_IDP, identityProviderMetadata, issueSamlAssertion } from '../aws/saml.js';
import { currentMachine, writeMachineFile } from './machine.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';

const USAGE =
  'usage: saml-idp metadata [--entity-id URL] [--outfile FILE]\n' +
  '       saml-idp sign-in --user NAME --role ROLE_ARN,PROVIDER_ARN [--role ...]\n' +
  '                        [--entity-id URL] [--outfile FILE]\n';

interface Flags {
  user?: string;
  roles: string[];
  entityId?: string;
  outfile?: string;
}

function parseFlags(args: readonly string[]): Flags | string {
  const flags: Flags = { roles: [] };
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i] ?? '', args[i + 1]];
    if (value === undefined) return `saml-idp: ${name} needs a value`;
    if (name === '--user') flags.user = value;
    else if (name === '--role') flags.roles.push(value);
    else if (name === '--entity-id') flags.entityId = value;
    else if (name === '--outfile') flags.outfile = value;
    else return `saml-idp: unknown option ${name}`;
  }
  return flags;
}

function output(session: ConsoleSession, text: string, outfile: string | undefined): LineOutput {
  if (outfile === undefined) return printed(text.endsWith('\n') ? text : `${text}\n`);
  writeMachineFile(currentMachine(session.state), outfile, text);
  return printed('');
}

export function samlIdp(session: ConsoleSession, args: readonly string[]): LineOutput {
  const [subcommand, ...rest] = args;
  const flags = parseFlags(rest);
  if (typeof flags === 'string') return failed(`${flags}\n${USAGE}`, 2);
  const entityId = flags.entityId ?? DEFAULT_IDP;
  if (subcommand === 'metadata') {
    return output(session, identityProviderMetadata(entityId), flags.outfile);
  }
  if (subcommand === 'sign-in') {
    if (flags.user === undefined || flags.roles.length === 0) {
      return failed(`saml-idp: sign-in needs --user and at least one --role\n${USAGE}`, 2);
    }
    const assertion = issueSamlAssertion(session.world, {
      entityId,
      user: flags.user,
      roles: flags.roles,
    });
    return output(session, assertion, flags.outfile);
  }
  return failed(USAGE, 2);
}
