// `oidc-token`: what a workload gets from its OpenID Connect identity provider, here a simulated
// one: by default GitHub Actions' (`token.actions.githubusercontent.com`, audience
// `sts.amazonaws.com`, subject `repo:OWNER/REPO:ref:REF` as GitHub builds it). A workflow step
// would then call `aws sts assume-role-with-web-identity --web-identity-token file://...`.
import { issueWebIdentityToken } from '../aws/web-identity.js';
import { currentMachine, writeMachineFile } from './machine.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';

const GITHUB = 'token.actions.githubusercontent.com';
const USAGE =
  'usage: oidc-token [--repo OWNER/REPO [--ref REF | --environment NAME]] [--sub SUBJECT]\n' +
  '                  [--aud AUDIENCE] [--issuer HOST] [--outfile FILE]\n';
const FLAGS = new Set(['repo', 'ref', 'environment', 'sub', 'aud', 'issuer', 'outfile']);

function parseFlags(args: readonly string[]): Record<string, string> | string {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]?.replace(/^--/, '') ?? '';
    const value = args[i + 1];
    if (!args[i]?.startsWith('--') || !FLAGS.has(name))
      return `oidc-token: unknown option ${args[i] ?? ''}`;
    if (value === undefined) return `oidc-token: ${args[i] ?? ''} needs a value`;
    flags[name] = value;
  }
  return flags;
}

/** GitHub's `sub` claim for a repository and a branch, tag or environment. */
function githubSubject(flags: Record<string, string>): string | undefined {
  if (flags.repo === undefined) return undefined;
  if (flags.environment !== undefined) return `repo:${flags.repo}:environment:${flags.environment}`;
  return `repo:${flags.repo}:ref:${flags.ref ?? 'refs/heads/main'}`;
}

export function oidcToken(session: ConsoleSession, args: readonly string[]): LineOutput {
  const flags = parseFlags(args);
  if (typeof flags === 'string') return failed(`${flags}\n${USAGE}`, 2);
  const sub = flags.sub ?? githubSubject(flags);
  if (sub === undefined) return failed(`oidc-token: give --repo or --sub\n${USAGE}`, 2);
  const issuer = (flags.issuer ?? GITHUB).replace(/^https:\/\//, '');
  const extra: Record<string, string> =
    flags.repo === undefined
      ? {}
      : {
          repository: flags.repo,
          repository_owner: flags.repo.split('/')[0] ?? '',
          ...(flags.environment === undefined
            ? { ref: flags.ref ?? 'refs/heads/main' }
            : { environment: flags.environment }),
        };
  const token = issueWebIdentityToken(session.world, {
    issuer,
    sub,
    aud: flags.aud ?? 'sts.amazonaws.com',
    extra,
  });
  if (flags.outfile === undefined) return printed(`${token}\n`);
  writeMachineFile(currentMachine(session.state), flags.outfile, token);
  return printed('');
}
