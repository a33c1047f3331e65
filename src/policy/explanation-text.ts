// An explanation as plain text: the policy types in flowchart order, each with its verdict and the
// statements that decided it, down to each condition's key, values and the request's value.
import { accessDeniedMessage } from './access-denied.js';
import type {
  CallerNamedAs,
  ConditionResult,
  Explanation,
  PolicyType,
  PolicyTypeResult,
  Request,
  StatementResult,
  Verdict,
} from './types.js';

export const TYPE_TITLES: Record<PolicyType, string> = {
  rcp: 'Resource control policies (RCPs)',
  scp: 'Service control policies (SCPs)',
  resource: 'Resource-based policy',
  identity: 'Identity-based policies',
  boundary: 'Permissions boundary',
  session: 'Session policies',
};

const VERDICT_WORDS: Record<Verdict, string> = {
  allow: 'allow',
  explicitDeny: 'explicit deny',
  implicitDeny: 'no statement allows (implicit deny)',
  notApplicable: 'none given (not part of this request)',
};
const TITLE_WIDTH = Math.max(...Object.values(TYPE_TITLES).map((t) => t.length)) + 1;

function statementName(s: StatementResult): string {
  return `${s.policyName} statement ${s.index}${s.sid ? ` (Sid ${s.sid})` : ''}`;
}

function conditionLine(c: ConditionResult): string {
  const request = c.requestValue === null ? 'missing' : JSON.stringify(c.requestValue);
  return `${c.operator} ${c.key} ${JSON.stringify(c.values)}; request: ${request} -> ${String(c.result)}`;
}

/** Why a statement whose action matched did not decide, in a learner's words. */
function sideNote(s: StatementResult): string {
  if (s.applies) return 'applies, but an explicit deny overrides it';
  if (!s.resourceMatched) return 'does not apply: the resource does not match';
  if (s.principalMatched === false) return 'does not apply: the principal does not match';
  return 'does not apply: a condition is false';
}

export function statementLines(s: StatementResult, deciding: boolean): string[] {
  const head = deciding
    ? `${s.effect} by ${statementName(s)}`
    : `${statementName(s)} (${s.effect}) ${sideNote(s)}`;
  return [head, ...s.conditions.map((c) => `  ${conditionLine(c)}`)];
}

function typeLines(result: PolicyTypeResult, decidedBy: PolicyType | undefined): string[] {
  const marker = result.type === decidedBy ? '>' : ' ';
  const level = result.level === undefined ? '' : ` at level ${result.level}`;
  const title = `${TYPE_TITLES[result.type]}:`.padEnd(TITLE_WIDTH);
  // A step that decides with no policy at all denies by absence (a role that has no trust policy).
  const verdict =
    result.verdict === 'notApplicable' && result.type === decidedBy
      ? 'none given, so nothing allows (implicit deny)'
      : VERDICT_WORDS[result.verdict];
  const lines = [`${marker} ${title} ${verdict}${level}`];
  const others = result.relevant.filter((s) => !result.deciding.includes(s));
  // Loops, not push(...spread): a policy can hold more statements than a call takes arguments.
  for (const s of result.deciding)
    for (const l of statementLines(s, true)) lines.push(`      ${l}`);
  for (const s of others) for (const l of statementLines(s, false)) lines.push(`      ${l}`);
  return lines;
}

const NAMED_AS: Record<CallerNamedAs, string> = {
  caller: 'the caller itself',
  everyone: 'everyone ("*")',
  role: 'the role, not the session',
  account: 'only the account',
};

/** What the resource policy's Allow was worth, given how it named the caller. */
export function namingLines(explanation: Explanation): string[] {
  const named = explanation.resourcePolicyNamed;
  if (!named) return [];
  const lines = [`The resource-based policy's Allow names ${NAMED_AS[named]}.`];
  const overridden = explanation.overriddenDenials ?? [];
  if (overridden.length > 0) {
    const types = overridden.map((type) => TYPE_TITLES[type].toLowerCase()).join(', ');
    lines.push(`Within one account that Allow makes up for the implicit deny of: ${types}.`);
  }
  if (explanation.crossAccount) return lines;
  if (named === 'role') {
    lines.push(
      'Naming the role still leaves the session limited by its boundary and session policies.',
    );
  } else if (named === 'account') {
    lines.push("Naming the account delegates to the caller's own policies: they must allow too.");
  }
  return lines;
}

/**
 * The decision, AWS's denial message if any, and the evaluation path as readable lines.
 * `deniedMessage` is the message the service returned, when it words denials its own way (S3,
 * EC2, federation); without it the message is IAM's.
 */
export function explanationText(
  request: Request,
  explanation: Explanation,
  deniedMessage?: string,
): string {
  const message = deniedMessage ?? accessDeniedMessage(request, explanation);
  const lines = [`Decision: ${explanation.decision}`];
  if (message) lines.push(`AccessDenied: ${message}`);
  if (explanation.crossAccount) lines.push('Cross-account request: both accounts must allow it.');
  for (const line of namingLines(explanation)) lines.push(line);
  lines.push('', 'Evaluation, in the order of the AWS flowchart (> marks the deciding step):');
  for (const result of explanation.policyTypes)
    for (const line of typeLines(result, explanation.decidedBy)) lines.push(line);
  return lines.join('\n');
}
