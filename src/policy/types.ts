// The IAM policy language as data: what a validated policy looks like, what a request is, and what
// an evaluation answers. Everything in src/policy/ speaks these types; nothing here does I/O.

/**
 * Where a policy document is used decides which rules IAM applies to it:
 * - `managed`: a customer-managed policy (CreatePolicy): Version 2012-10-17 required, 6,144 chars.
 * - `inline`: a user, group or role inline policy: 2008-10-17 or no Version accepted.
 * - `session`: a session policy passed to AssumeRole: identity rules, 2,048 chars.
 * - `trust`: a role trust policy: Principal required, Resource prohibited, 2,048 chars.
 * - `resource`: a resource-based policy such as a bucket policy: Principal required.
 * - `scp` / `rcp`: Organizations service and resource control policies, 5,120 chars.
 */
export type PolicyKind = 'managed' | 'inline' | 'session' | 'trust' | 'resource' | 'scp' | 'rcp';

export type Effect = 'Allow' | 'Deny';

/** The policy grammar's two versions; without a Version element IAM assumes 2008-10-17. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** A Principal or NotPrincipal element, each value list normalised to an array. */
export type PrincipalElement =
  | '*'
  | {
      AWS?: string[];
      Service?: string[];
      Federated?: string[];
      CanonicalUser?: string[];
    };

/** One operator-key pair of a Condition block, e.g. StringEquals aws:username ["alice"]. */
export interface ConditionEntry {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** The condition key as written; keys compare case-insensitively. */
  key: string;
  /** Values as written, booleans and numbers turned into their JSON text. */
  values: string[];
}

export interface Statement {
  /** Position in the Statement array (0 when Statement is a single object). */
  index: number;
  sid?: string;
  effect: Effect;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  conditions: ConditionEntry[];
}

/** A validated policy, ready for evaluation. */
export interface Policy {
  /** A name to show in explanations, e.g. `AdministratorAccess` or `inline:s3-read`. */
  name: string;
  version: PolicyVersion;
  id?: string;
  statements: Statement[];
}

/** What IAM answers for a rejected document, plus where the problem is. */
export interface PolicyValidationError {
  code: 'MalformedPolicyDocument' | 'LimitExceeded';
  /** AWS's own message, e.g. `Policy statement must contain actions.` */
  message: string;
  /** JSON path of the offending place, e.g. `$.Statement[1].Resource`; `$` for the document. */
  path: string;
  /** 1-based line and column of that place, when the document was given as text. */
  line?: number;
  column?: number;
}

export type ValidationResult =
  { ok: true; policy: Policy } | { ok: false; error: PolicyValidationError };

/** A value in the request context: single-valued keys hold a string, multivalued ones an array. */
export type ContextValue = string | string[];

/**
 * The caller of a request, as the policy engine needs to know it.
 * `assumed-role` sessions carry their role's IAM ARN (with path) because trust and resource
 * policies may name the role, while the session ARN never contains the path.
 */
export type RequestPrincipal =
  | { type: 'anonymous' }
  | { type: 'root'; arn: string; account: string }
  | { type: 'user'; arn: string; account: string; name: string; id?: string }
  | {
      type: 'assumed-role';
      arn: string;
      account: string;
      roleArn: string;
      roleName: string;
      sessionName: string;
      roleId?: string;
    }
  | { type: 'federated-user'; arn: string; account: string; name: string }
  | { type: 'service'; service: string }
  | { type: 'federated'; provider: string };

export interface Request {
  principal: RequestPrincipal;
  /** `service:Operation`, e.g. `s3:GetObject`. */
  action: string;
  /** The resource ARN, or `*` for actions that take no resource. */
  resource: string;
  /** The account that owns the resource; defaults to the ARN's account field. */
  resourceAccount?: string;
  /** Condition keys and their values; keys compare case-insensitively. */
  context: Record<string, ContextValue>;
}

/** What the resource policy is: trust and KMS key policies must allow explicitly. */
export type ResourcePolicyKind = 'resource' | 'trust' | 'kms';

export interface EvaluationInput {
  request: Request;
  identityPolicies: Policy[];
  permissionsBoundary?: Policy;
  /** Session policies (the inline one and managed ARNs of AssumeRole); all together narrow. */
  sessionPolicies?: Policy[];
  resourcePolicy?: Policy;
  resourcePolicyKind?: ResourcePolicyKind;
  /** SCPs by level of the Organization, root first, the account's own last; each level must allow. */
  scps?: Policy[][];
  /** RCPs by level, like SCPs. */
  rcps?: Policy[][];
}

/** AWS's EvalDecision words. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/**
 * The policy types, listed in the order of AWS's evaluation flowchart
 * (reference_policies_evaluation-logic_policy-eval-denyallow): RCPs, SCPs, resource-based,
 * identity-based, permissions boundary, session policies.
 */
export type PolicyType = 'rcp' | 'scp' | 'resource' | 'identity' | 'boundary' | 'session';

/** One condition of a statement, checked against the request. */
export interface ConditionResult {
  operator: string;
  key: string;
  /** The policy's values after variable substitution (unresolvable ones dropped). */
  values: string[];
  /** The request's value(s) for the key, or null when the request does not have the key. */
  requestValue: ContextValue | null;
  result: boolean;
}

/** How one statement fared: it applies when every element matches. */
export interface StatementResult {
  policyName: string;
  index: number;
  sid?: string;
  effect: Effect;
  actionMatched: boolean;
  resourceMatched: boolean;
  /** Absent for policies without a Principal element (identity policies, SCPs). */
  principalMatched?: boolean;
  conditions: ConditionResult[];
  applies: boolean;
}

/** A policy type's verdict: `allow` and the deny kinds, or `notApplicable` when none was given. */
export type Verdict = 'allow' | 'explicitDeny' | 'implicitDeny' | 'notApplicable';

export interface PolicyTypeResult {
  type: PolicyType;
  verdict: Verdict;
  /** The statements that decided the verdict: the applying Deny, or the applying Allows. */
  deciding: StatementResult[];
  /** Statements whose action matched, whether or not the rest did: the near misses explain denials. */
  relevant: StatementResult[];
  /** For SCPs and RCPs: the level (0 = root) that denied, when one did. */
  level?: number;
}

/**
 * How the resource-based policy's applying Allow named the caller, the strongest way when several
 * did. Within one account it decides what that Allow is worth (policy-eval-denyallow): `caller`
 * (the user, the exact session, a service or identity provider) and `everyone` allow on their own;
 * `role` is still limited by the boundary and session policies; `account` only delegates to the
 * caller's own policies.
 */
export type CallerNamedAs = 'everyone' | 'caller' | 'role' | 'account';

export interface Explanation {
  decision: Decision;
  /** One entry per policy type in flowchart order; types that were not given are `notApplicable`. */
  policyTypes: PolicyTypeResult[];
  /** The policy type whose verdict decided a denial (explicit deny, or the first missing allow). */
  decidedBy?: PolicyType;
  /** True when the request crosses accounts (principal's account differs from the resource's). */
  crossAccount: boolean;
  /** What the resource policy was, when one was given (trust policies have their own wording). */
  resourcePolicyKind?: ResourcePolicyKind;
  /** How the resource policy's Allow named the caller, when it allowed. */
  resourcePolicyNamed?: CallerNamedAs;
  /**
   * The caller's own policy types whose implicit deny the same-account resource policy's Allow
   * made up for, in flowchart order; absent when it made up for none.
   */
  overriddenDenials?: PolicyType[];
}

export interface EvaluationResult {
  decision: Decision;
  explanation: Explanation;
}
