// How large a document of each kind may be, how it is counted, and what AWS answers past it.
// - IAM (reference_iam-quotas, "IAM and STS character limits"): managed policies 6,144
//   characters, role trust policies 2,048 (adjustable), and "IAM does not count white space when
//   calculating the size of a policy against these limits" (counted here: the characters outside
//   the whitespace between JSON tokens). Messages: `Cannot exceed quota for PolicySize: 6144`
//   (ministryofjustice/cloud-platform-environments#14473), `Cannot exceed quota for
//   ACLSizePerRole: 2048` (kubeflow/kubeflow#6687, apache/airflow#27331). A 2025 report reads
//   `Cannot exceed the quota for PolicySize: 6144.` (LBHackney-IT/Data-Platform#2116); the older
//   wording is kept, as iam-facts.md words the other IAM quotas that way.
// - Inline policies: the limit is the entity's, for all its inline policies together (user 2,048,
//   group 5,120, role 10,240), so the caller passes it. IAM's message names the entity,
//   `Maximum policy size of 2048 bytes exceeded for user NAME` (HumanCellAtlas/data-store#1963,
//   aws/aws-cdk#18531); the validator does not know the entity, so its message stops before "for".
// - Session policies: "The plaintext that you use for both inline and managed session policies
//   can't exceed 2,048 characters" (STS AssumeRole, Policy), every character counted, as this is
//   the API parameter's length limit. STS answers with a ValidationError whose AWS wording also
//   quotes the whole policy text (`1 validation error detected: Value '...' at 'policy' ...`); the
//   quoted value is left out here.
// - SCPs and RCPs: 5,120 characters (orgs_reference_limits), and "All characters in your SCP
//   count against its maximum size" (orgs_manage_policies_scps_syntax) when saved through the API.
//   Organizations answers ConstraintViolationException `You have exceeded the maximum policy
//   size.` (org-formation/org-formation-cli#332, hashicorp/terraform-provider-aws#12597).
// - Resource-based policies: each service has its own limit (S3 20 KB), so none by default. The
//   message is S3's as MinIO reproduces it (minio/minio#8625); no AWS report of it was found.
// Codes: PolicyValidationError knows only MalformedPolicyDocument and LimitExceeded, so the STS
// and Organizations errors are reported as LimitExceeded with their own messages.
import type { PolicyKind, PolicyValidationError } from '../types.js';
import type { DocumentRead } from './json-document.js';

interface SizeRule {
  limit?: number;
  countsWhitespace: boolean;
  message: (limit: number) => string;
}

const ORGANIZATIONS: SizeRule = {
  limit: 5120,
  countsWhitespace: true,
  message: () => 'You have exceeded the maximum policy size.',
};

const SIZE_RULES: Readonly<Record<PolicyKind, SizeRule>> = {
  managed: {
    limit: 6144,
    countsWhitespace: false,
    message: (limit) => `Cannot exceed quota for PolicySize: ${limit}`,
  },
  trust: {
    limit: 2048,
    countsWhitespace: false,
    message: (limit) => `Cannot exceed quota for ACLSizePerRole: ${limit}`,
  },
  inline: {
    countsWhitespace: false,
    message: (limit) => `Maximum policy size of ${limit} bytes exceeded`,
  },
  session: {
    limit: 2048,
    countsWhitespace: true,
    message: (limit) =>
      `1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to ${limit}`,
  },
  scp: ORGANIZATIONS,
  rcp: ORGANIZATIONS,
  resource: {
    countsWhitespace: true,
    message: () => 'Policy exceeds the maximum allowed document size.',
  },
};

/** The fixed size quota of a kind of policy, in the characters it counts (GetAccountSummary). */
export function sizeLimit(kind: PolicyKind): number | undefined {
  return SIZE_RULES[kind].limit;
}

/** The LimitExceeded error for a document over its kind's limit (or `maxChars`), if it is. */
export function sizeError(
  document: DocumentRead & { ok: true },
  kind: PolicyKind,
  maxChars?: number,
): PolicyValidationError | undefined {
  const rule = SIZE_RULES[kind];
  const limit = maxChars ?? rule.limit;
  const size = rule.countsWhitespace ? document.characters : document.significantCharacters;
  if (limit === undefined || size <= limit) return undefined;
  const pos = document.root.pos;
  return { code: 'LimitExceeded', message: rule.message(limit), path: '$', ...pos };
}
