// `oidc-token`: what a workload gets from its OpenID Connect identity provider, here a simulated
// one: by default GitHub Actions' (`token.actions.githubusercontent.com`, audience
// `sts.amazonaws.com`, subject `repo:OWNER/REPO:ref:REF` as GitHub builds it). A workflow step
// would then call `aws sts assume-role-with-web-identity --web-identity-token file://...`.
import { issueWebIdentityToken } from '../aws/web-identity.js';
import { failed, type ConsoleSession, type LineOutput } from './session.js';
import { option, parseToolOptions, printOrWrite } from './tool-options.js';

const GITHUB = 'token.actions.githubusercontent.com';
const USAGE =
  'usage: oidc-token [--repo OWNER/REPO [--ref REF | --environment NAME]] [--sub SUBJECT]\n' +
  '                  [--aud AUDIENCE] [--issuer HOST] [--outfile FILE]\n';
const OPTIONS = ['repo', 'ref', 'environment', 'sub', 'aud', 'issuer', 'outfile'];

/** GitHub's `sub` claim for a repository and a branch, tag or environment. */
function githubSubject(repo: string, ref: string, environment: string | undefined): string {
  return environment === undefined
    ? `repo:${repo}:ref:${ref}`
    : `repo:${repo}:environment:${environment}`;
}

export function oidcToken(session: ConsoleSession, args: readonly string[]): LineOutput {
  const options = parseToolOptions(args, OPTIONS);
  if (typeof options === 'string') return failed(`oidc-token: ${options}\n${USAGE}`, 2);
  const repo = option(options, 'repo');
  const ref = option(options, 'ref') ?? 'refs/heads/main';
  const environment = option(options, 'environment');
  const sub =
    option(options, 'sub') ??
    (repo === undefined ? undefined : githubSubject(repo, ref, environment));
  if (sub === undefined) return failed(`oidc-token: give --repo or --sub\n${USAGE}`, 2);
  const extra: Record<string, string> =
    repo === undefined
      ? {}
      : {
          repository: repo,
          repository_owner: repo.split('/')[0] ?? '',
          ...(environment === undefined ? { ref } : { environment }),
        };
  const token = issueWebIdentityToken(session.world, {
    issuer: (option(options, 'issuer') ?? GITHUB).replace(/^https:\/\//, ''),
    sub,
    aud: option(options, 'aud') ?? 'sts.amazonaws.com',
    extra,
  });
  return printOrWrite(session, token, option(options, 'outfile'));
}
