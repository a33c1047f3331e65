// The "who can assume what" view: per account its users, identity providers and roles, each role
// with arrows from what its trust policy allows (and on which conditions), and where it runs.
import type { AccountNode, RoleNode, TrustArrow } from '../aws/trust-map.js';
import type { ViewLine } from './view-lines.js';

function userText(user: AccountNode['users'][number]): string {
  const notes = [
    user.activeKeys > 0 ? `${user.activeKeys} access key${user.activeKeys > 1 ? 's' : ''}` : '',
    user.mfa ? 'MFA' : '',
  ].filter(Boolean);
  return notes.length > 0 ? `${user.name} (${notes.join(', ')})` : user.name;
}

function arrowLines(arrow: TrustArrow): ViewLine[] {
  const denied = arrow.effect === 'Deny';
  const head: ViewLine = {
    text: `    ${denied ? '✗ denied to' : '◀──'} ${arrow.label}${arrow.kind === 'anyone' && !denied ? '  ⚠ anyone at all' : ''}`,
    tone: arrow.kind === 'anyone' && !denied ? 'warn' : undefined,
  };
  const conditions = arrow.conditions.map((c) => ({
    text: `          if ${c}`,
    tone: 'dim' as const,
  }));
  // A web identity trust without a condition on the token's claims lets in every token of the
  // provider: every GitHub repository, for GitHub Actions (iam-facts.md).
  const warning: ViewLine[] =
    arrow.kind === 'oidc' && arrow.conditions.length === 0 && !denied
      ? [{ text: '          ⚠ no condition: any token of this provider gets in', tone: 'warn' }]
      : [];
  return [head, ...conditions, ...warning];
}

function roleLines(role: RoleNode): ViewLine[] {
  const lines: ViewLine[] = [{ text: `  role ${role.name}`, tone: 'title' }];
  if (role.trustedBy.length === 0)
    lines.push({ text: '    (its trust policy lets no one in)', tone: 'dim' });
  for (const arrow of role.trustedBy) for (const line of arrowLines(arrow)) lines.push(line);
  for (const instance of role.instances) lines.push({ text: `    runs on instance ${instance}` });
  for (const profile of role.rolesAnywhereProfiles)
    lines.push({ text: `    handed out by Roles Anywhere profile ${profile}` });
  return lines;
}

export function trustLines(accounts: readonly AccountNode[]): ViewLine[] {
  const lines: ViewLine[] = [
    {
      text: 'Who can assume what: the trust half. A principal of another account also needs its own policy to allow sts:AssumeRole; the Why view of a request shows both halves.',
    },
  ];
  for (const account of accounts) {
    lines.push({ text: '' }, { text: `Account ${account.id} (${account.name})`, tone: 'title' });
    lines.push({ text: `  users: ${account.users.map(userText).join(', ') || 'none'}` });
    if (account.identityProviders.length > 0)
      lines.push({ text: `  identity providers: ${account.identityProviders.join(', ')}` });
    if (account.roles.length === 0) lines.push({ text: '  no roles', tone: 'dim' });
    for (const role of account.roles) for (const line of roleLines(role)) lines.push(line);
  }
  return lines;
}
