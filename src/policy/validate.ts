// Policy document validation as IAM does it, for each place a policy can be used (PolicyKind).
// The checks and their order are IAM CreatePolicy's as reproduced by moto's validator (getmoto/moto,
// moto/iam/policy_validation.py, Apache License 2.0), ported rule by rule into validate/:
//   1. the JSON itself, then the size limit of the kind (validate/size.ts; the order of these
//      two against the rest is not known, and size first spares running rules on huge input);
//   2. the grammar, `Syntax errors in policy.` (validate/syntax.ts);
//   3. the Version: `2012-10-17` for customer managed policies, SCPs and RCPs;
//   4. legacy parsing: Effect spelling, Date condition values, then resource ARNs (legacy.ts,
//      resource-format.ts);
//   5. unique Sids, then Action present, then the resource format error found in 4, then action
//      vendor prefixes (statement-rules.ts);
//   6. what the kind allows and requires: no Principal and a Resource in permission policies,
//      STS actions, no Resource and valid principals in trust policies, ... (kind-rules.ts).
// AWS Organizations words every malformed SCP or RCP the same way, so for those kinds the message
// is replaced while the pointer still says which rule failed where.
// The validator never throws: every input, however odd, gets a ValidationResult.
import type { PolicyKind, PolicyValidationError, ValidationResult } from './types.js';
import {
  readJsonText,
  readJsonValue,
  type DocumentRead,
  type ObjectNode,
} from './validate/json-document.js';
import { kindProblem, ORGANIZATIONS_MALFORMED } from './validate/kind-rules.js';
import { legacyStatementProblem } from './validate/legacy.js';
import { toPolicy } from './validate/normalise.js';
import { problemAt, type Problem } from './validate/problem.js';
import { scanResources } from './validate/resource-format.js';
import { sizeError } from './validate/size.js';
import {
  badActionPrefix,
  duplicateSid,
  firstProblem,
  missingActions,
} from './validate/statement-rules.js';
import { checkSyntax, SYNTAX_ERROR, type StatementRef } from './validate/syntax.js';

const VERSION_REQUIRED: ReadonlySet<PolicyKind> = new Set(['managed', 'scp', 'rcp']);

function versionProblem(kind: PolicyKind, document: ObjectNode): Problem | undefined {
  if (!VERSION_REQUIRED.has(kind)) return undefined;
  const version = document.members.get('Version')?.value;
  if (version?.type === 'string' && version.value === '2012-10-17') return undefined;
  const message = 'Policy document must be version 2012-10-17 or greater.';
  return version ? problemAt(message, '$.Version', version) : problemAt(message, '$', document);
}

function ruleProblem(
  kind: PolicyKind,
  document: ObjectNode,
  statements: StatementRef[],
): Problem | undefined {
  const resources = scanResources(statements);
  return (
    versionProblem(kind, document) ??
    firstProblem(statements, legacyStatementProblem) ??
    resources.legacy ??
    duplicateSid(statements) ??
    firstProblem(statements, missingActions) ??
    resources.format ??
    badActionPrefix(statements) ??
    kindProblem(kind, statements)
  );
}

function malformed(kind: PolicyKind, { message, path, pos }: Problem): ValidationResult {
  const error: PolicyValidationError = {
    code: 'MalformedPolicyDocument',
    message: kind === 'scp' || kind === 'rcp' ? ORGANIZATIONS_MALFORMED : message,
    path,
    ...pos,
  };
  return { ok: false, error };
}

function readValue(input: unknown): DocumentRead {
  try {
    return readJsonValue(input);
  } catch {
    // A getter or proxy in a parsed value threw: whatever it was, it is not a JSON document.
    return { ok: false };
  }
}

function validateDocument(
  document: DocumentRead,
  kind: PolicyKind,
  options: { name?: string; maxChars?: number },
): ValidationResult {
  if (!document.ok) return malformed(kind, problemAt(SYNTAX_ERROR, '$', document));
  const tooLarge = sizeError(document, kind, options.maxChars);
  if (tooLarge) return { ok: false, error: tooLarge };
  const syntax = checkSyntax(document.root);
  if (!syntax.ok) return malformed(kind, syntax.problem);
  const problem = ruleProblem(kind, syntax.document, syntax.statements);
  if (problem) return malformed(kind, problem);
  return {
    ok: true,
    policy: toPolicy(syntax.document, syntax.statements, options.name ?? 'policy'),
  };
}

/**
 * Validates a policy document, given as JSON text or as an already-parsed value, as AWS would for
 * the kind of policy it is. `name` names the policy in explanations; `maxChars` replaces the
 * kind's size limit (inline policies have none of their own: pass the entity's).
 */
export function validatePolicy(
  // The union says what a string means (JSON text), though `unknown` already includes it.
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
  input: string | unknown,
  kind: PolicyKind,
  options: { name?: string; maxChars?: number } = {},
): ValidationResult {
  if (typeof input !== 'string') return validateDocument(readValue(input), kind, options);
  // Lines and columns only serve to point at a problem, and most documents have none: the text
  // is read again with them only when there is one (the checks are deterministic, so they find
  // the same problem). Reading without them is faster and makes less garbage.
  const result = validateDocument(readJsonText(input, { positions: false }), kind, options);
  return result.ok ? result : validateDocument(readJsonText(input), kind, options);
}
