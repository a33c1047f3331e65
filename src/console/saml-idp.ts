// `saml-idp`: the company's identity provider, simulated. `metadata` gives the document an
// administrator uploads with `aws iam create-saml-provider`; `sign-in` is a user signing in and
// choosing AWS: the signed assertion the IdP would post to AWS, naming the roles it offers, for
// `aws sts assume-role-with-saml --saml-assertion file://...`.
import { DEFAULT_IDP, identityProviderMetadata, issueSamlAssertion } from '../aws/saml.js';
import { failed, type ConsoleSession, type LineOutput } from './session.js';
import { option, parseToolOptions, printOrWrite } from './tool-options.js';

const USAGE =
  'usage: saml-idp metadata [--entity-id URL] [--outfile FILE]\n' +
  '       saml-idp sign-in --user NAME --role ROLE_ARN,PROVIDER_ARN [--role ...]\n' +
  '                        [--entity-id URL] [--outfile FILE]\n';

export function samlIdp(session: ConsoleSession, args: readonly string[]): LineOutput {
  const [subcommand, ...rest] = args;
  const options = parseToolOptions(rest, ['user', 'role', 'entity-id', 'outfile']);
  if (typeof options === 'string') return failed(`saml-idp: ${options}\n${USAGE}`, 2);
  const entityId = option(options, 'entity-id') ?? DEFAULT_IDP;
  const outfile = option(options, 'outfile');
  if (subcommand === 'metadata') {
    return printOrWrite(session, identityProviderMetadata(entityId), outfile);
  }
  if (subcommand === 'sign-in') {
    const user = option(options, 'user');
    const roles = options.get('role') ?? [];
    if (user === undefined || roles.length === 0) {
      return failed(`saml-idp: sign-in needs --user and at least one --role\n${USAGE}`, 2);
    }
    const assertion = issueSamlAssertion(session.world, { entityId, user, roles: [...roles] });
    return printOrWrite(session, assertion, outfile);
  }
  return failed(USAGE, 2);
}
