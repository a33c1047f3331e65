// The simulated cloud as plain data. A World round-trips through JSON (snapshot/restore), holds no
// functions or class instances, and changes only through the operations in src/aws/. Ids come from
// the seed and a counter, time from `now`: the same commands on the same world give the same output.
import type { Authorization } from './errors.js';

/** An IAM tag, as the APIs spell it. */
export interface Tag {
  Key: string;
  Value: string;
}

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  status: 'Active' | 'Inactive';
  /** ISO 8601 date-time. */
  createDate: string;
  lastUsed?: { date: string; serviceName: string; region: string };
}

/** What users, groups and roles share: attached managed policies and inline policies. */
export interface PolicyHolder {
  /** ARNs of attached managed policies, in attachment order. */
  attachedPolicies: string[];
  /** Inline policy documents (JSON text as the learner gave it), by policy name. */
  inlinePolicies: Record<string, string>;
}

export interface IamUser extends PolicyHolder {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  createDate: string;
  tags: Tag[];
  /** Group names, in the order the user was added. */
  groups: string[];
  accessKeys: AccessKey[];
  permissionsBoundary?: string;
  /** Serial numbers (ARNs) of the user's MFA devices. */
  mfaDevices: string[];
  /** The console password, when the user has one (CreateLoginProfile). */
  loginProfile?: LoginProfile;
}

/** A console password. Kept as typed: the world is a simulation, nothing here is a secret. */
export interface LoginProfile {
  password: string;
  createDate: string;
  passwordResetRequired: boolean;
}

export interface IamGroup extends PolicyHolder {
  groupName: string;
  groupId: string;
  arn: string;
  path: string;
  createDate: string;
}

export interface IamRole extends PolicyHolder {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: string;
  /** The trust policy, as JSON text. */
  assumeRolePolicyDocument: string;
  description?: string;
  /** Seconds, 3600 to 43200. */
  maxSessionDuration: number;
  permissionsBoundary?: string;
  tags: Tag[];
}

export interface ManagedPolicyVersion {
  versionId: string;
  document: string;
  createDate: string;
}

export interface ManagedPolicy {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  description?: string;
  defaultVersionId: string;
  /** At most 5 versions are kept (iam-facts.md, Quotas). */
  versions: ManagedPolicyVersion[];
  createDate: string;
  updateDate: string;
  tags?: Tag[];
}

export interface InstanceProfile {
  instanceProfileName: string;
  instanceProfileId: string;
  arn: string;
  path: string;
  createDate: string;
  /** Names of its roles: at most one role per instance profile. */
  roles: string[];
  tags?: Tag[];
}

/** A virtual MFA device; it is assigned to the user whose `mfaDevices` lists its serial number. */
export interface VirtualMfaDevice {
  /** `arn:aws:iam::ACCOUNT:mfa/PATH/NAME`. */
  serialNumber: string;
  /** The TOTP seed an authenticator app is given, in Base32. */
  base32StringSeed: string;
  /** When EnableMFADevice assigned it. */
  enableDate?: string;
  tags: Tag[];
}

/** The account password policy (UpdateAccountPasswordPolicy), IAM's members in camel case. */
export interface PasswordPolicy {
  minimumPasswordLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  allowUsersToChangePassword: boolean;
  /** Days; absent when passwords do not expire. */
  maxPasswordAge?: number;
  passwordReusePrevention?: number;
  hardExpiry?: boolean;
}

/** A SAML 2.0 identity provider (CreateSAMLProvider). */
export interface SamlProvider {
  arn: string;
  name: string;
  samlMetadataDocument: string;
  createDate: string;
  /** The metadata's validUntil, when it states one. */
  validUntil?: string;
  tags: Tag[];
}

/** An OpenID Connect identity provider (CreateOpenIDConnectProvider). */
export interface OidcProvider {
  arn: string;
  /** As given, `https://...`. */
  url: string;
  clientIdList: string[];
  thumbprintList: string[];
  createDate: string;
  tags: Tag[];
}

export interface IamState {
  /** By lower-cased name: IAM names are unique regardless of case. */
  users: Record<string, IamUser>;
  groups: Record<string, IamGroup>;
  roles: Record<string, IamRole>;
  instanceProfiles: Record<string, InstanceProfile>;
  /** Customer-managed policies, by ARN. */
  policies: Record<string, ManagedPolicy>;
  /** By serial number. */
  virtualMfaDevices: Record<string, VirtualMfaDevice>;
  passwordPolicy?: PasswordPolicy;
  /** Identity providers, by ARN. */
  samlProviders: Record<string, SamlProvider>;
  oidcProviders: Record<string, OidcProvider>;
}

export interface Account {
  id: string;
  name: string;
  /** When the account (and so its root user) was created; absent in older snapshots. */
  createDate?: string;
  iam: IamState;
  /** The root user's access keys, if a lesson gives it any (AWS advises against them). */
  rootAccessKeys?: AccessKey[];
}

/** Temporary credentials handed out by STS, kept so that later requests can be authenticated. */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiration: number;
  issuedAt: number;
  account: string;
  /** True when the caller authenticated with MFA when asking for the session. */
  mfaAuthenticated: boolean;
}

/** A role session (AssumeRole). */
export interface StsSession extends TemporaryCredentials {
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** True when a role session asked for this one (role chaining: at most one hour). */
  chained: boolean;
  sourceIdentity?: string;
  /** Session policy documents passed to AssumeRole, as JSON text. */
  sessionPolicies: string[];
  /** Session tags passed to AssumeRole: the session's principal tags, over the role's own. */
  tags?: Tag[];
}

/**
 * Temporary credentials a user (or the root user) got from GetSessionToken: requests signed with
 * them act as that user, MFA-authenticated when the call carried a valid code.
 */
export interface UserSession extends TemporaryCredentials {
  /** Absent for the root user's sessions. */
  userName?: string;
}

/** An EC2 instance, with what its instance metadata service (IMDS) serves. */
export interface Ec2Instance {
  instanceId: string;
  reservationId: string;
  account: string;
  region: string;
  imageId: string;
  instanceType: string;
  launchTime: string;
  state: 'running' | 'terminated';
  privateIpAddress: string;
  /** Its instance profile, whose role the instance's software gets credentials for. */
  instanceProfileArn?: string;
  /**
   * The association that gave it the profile, at launch or later: DescribeIamInstanceProfile-
   * Associations shows it, and ReplaceIamInstanceProfileAssociation and Disassociate name it.
   */
  profileAssociation?: { associationId: string; timestamp: string };
  /** `required`: IMDSv2 only (a session token on every request); `optional`: v1 too. */
  httpTokens: 'optional' | 'required';
  /** The role session IMDS hands out now: an access key id of `sessions`. */
  roleSessionKey?: string;
  /** IMDSv2 session tokens and when each expires (epoch milliseconds). */
  metadataTokens: Record<string, number>;
}

/** A service control policy of an organization (or the AWS-managed FullAWSAccess). */
export interface OrganizationPolicy {
  id: string;
  arn: string;
  name: string;
  description: string;
  awsManaged: boolean;
  /** The policy document, as JSON text. */
  content: string;
}

/** An AWS Organization: accounts under a root, perhaps in OUs, and the SCPs attached to them. */
export interface Organization {
  id: string;
  managementAccount: string;
  rootId: string;
  /** Each account's parent: the root's id or an OU's. */
  parents: Record<string, string>;
  organizationalUnits: Record<string, { id: string; name: string; parentId: string }>;
  policies: Record<string, OrganizationPolicy>;
  /** The policy ids attached to each target (root, OU or account id). */
  attachments: Record<string, string[]>;
}

/** An IAM Roles Anywhere trust anchor: the CA whose certificates it accepts. */
export interface TrustAnchor {
  trustAnchorId: string;
  trustAnchorArn: string;
  account: string;
  name: string;
  enabled: boolean;
  /** The CA certificate bundle (PEM). */
  certificateBundle: string;
  createdAt: string;
}

/** An IAM Roles Anywhere profile: the roles a session may take, and for how long. */
export interface RolesAnywhereProfile {
  profileId: string;
  profileArn: string;
  account: string;
  name: string;
  enabled: boolean;
  roleArns: string[];
  durationSeconds: number;
  createdAt: string;
}

/** S3 Block Public Access settings (access-control-block-public-access); all on for new buckets. */
export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface S3Object {
  body: string;
  lastModified: string;
  etag: string;
}

export interface Bucket {
  name: string;
  /** The owning account: bucket ARNs do not say it. */
  account: string;
  region: string;
  creationDate: string;
  /** The bucket policy as JSON text. */
  policy?: string;
  publicAccessBlock: PublicAccessBlock;
  objects: Record<string, S3Object>;
}

/** One API request, in CloudTrail's shape, with the engine's explanation of its authorization. */
export interface AwsEvent {
  eventTime: string;
  eventSource: string;
  eventName: string;
  userIdentity: {
    type: string;
    arn?: string;
    accountId?: string;
    accessKeyId?: string;
    principalId?: string;
    identityProvider?: string;
  };
  errorCode?: string;
  errorMessage?: string;
  /** The request as the policy engine saw it and its explanation, when it was authorized. */
  authorization?: Authorization;
}

export interface World {
  formatVersion: 1;
  /** Ids and secrets are a function of the seed and how many were drawn before. */
  seed: string;
  idCounter: number;
  /** The simulated clock, epoch milliseconds. */
  now: number;
  accounts: Record<string, Account>;
  /** STS sessions by access key id (ASIA...). */
  sessions: Record<string, StsSession>;
  /** GetSessionToken's sessions by access key id (ASIA...). */
  userSessions: Record<string, UserSession>;
  /** The organization the accounts belong to, if any. */
  organization?: Organization;
  /** IAM Roles Anywhere trust anchors and profiles, by ARN. */
  rolesAnywhere: {
    trustAnchors: Record<string, TrustAnchor>;
    profiles: Record<string, RolesAnywhereProfile>;
  };
  /** EC2 instances by id. */
  instances: Record<string, Ec2Instance>;
  /** S3 buckets by name: bucket names are global across accounts. */
  buckets: Record<string, Bucket>;
  events: AwsEvent[];
}
