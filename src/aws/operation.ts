// How every simulated API operation is declared: the IAM action it needs and the resource it acts
// on (so that one authorize() guards them all), and what it does to the world.
import type { Caller } from './caller.js';
import type { OwnCheck } from './input.js';
import type { World } from './world.js';

/** What an operation sees of the request besides its parameters. */
export interface RequestEnvironment {
  world: World;
  caller: Caller;
  region: string;
  sourceIp: string;
}

/** The parameters as the API takes them (AWS's member names: `UserName`, `PolicyDocument`...). */
export type Params = Record<string, unknown>;

export interface ResourcePolicy {
  /**
   * The policy as JSON text; absent when the resource has none (or does not exist), which for a
   * trust policy still means nothing is allowed: trust policies must allow explicitly.
   */
  document?: string;
  kind: 'resource' | 'trust';
  /** The account that owns the resource. */
  account: string;
  /** A name for explanations, e.g. `trust policy of role/app`. */
  name: string;
}

export interface Operation {
  /** The service's endpoint prefix: `iam`, `sts`, `s3`, ... */
  service: string;
  /** The API operation name: `CreateUser`. */
  name: string;
  /**
   * The service's own checks of top-level string members, in place of the model's pattern
   * (IAM's path rule). The model's constraints on the parameters, found by `service` and `name`,
   * are checked before authorization (src/aws/input.ts): a malformed request gets its
   * ValidationError whoever sends it.
   */
  ownChecks?: Readonly<Record<string, OwnCheck>>;
  /**
   * For requests sent unsigned that carry their own proof of who they are for (a web identity
   * token): the caller that proof establishes, or an AwsError.
   */
  identify?: (world: World, params: Params) => Caller;
  /**
   * Checks of what the caller proves besides its signature (an MFA code), made before
   * authorization as AWS authenticates before it authorizes; it throws an AwsError.
   */
  verify?: (env: RequestEnvironment, params: Params) => void;
  /** The IAM action to authorize, `iam:CreateUser`; none for operations AWS does not authorize. */
  action?: string;
  /**
   * Further actions the request needs on the same resource, each authorized as `action` is:
   * AssumeRole passing session tags also needs `sts:TagSession`, and setting a source identity
   * `sts:SetSourceIdentity` (id_session-tags, id_credentials_temp_control-access_monitor).
   */
  alsoAuthorize?: (env: RequestEnvironment, params: Params) => string[];
  /** The ARN the action is on, or `*` (reference_policies_actions-resources-contextkeys). */
  resource?: (env: RequestEnvironment, params: Params) => string;
  /**
   * The resource-based policy that applies, if any: a role's trust policy for AssumeRole, a
   * bucket policy for S3. `account` owns the resource.
   */
  resourcePolicy?: (env: RequestEnvironment, params: Params) => ResourcePolicy | undefined;
  /** Condition keys the request adds (`iam:PassedToService`, `aws:RequestTag/...`). */
  context?: (env: RequestEnvironment, params: Params) => Record<string, string | string[]>;
  /**
   * Checks the parameters and the world, then changes it and returns the response. It must throw
   * (an AwsError) before it changes anything, so a failed call leaves the world as it was.
   */
  run: (env: RequestEnvironment, params: Params) => Record<string, unknown>;
}
