// One request decided against the world as it stands, without calling an API: "could this role
// read that object now?". Lessons ask it for their checks, least-privilege probes and predict
// steps. It goes through the same authorize() as every API call, with the resource policy the
// resource has (a bucket's policy, a role's trust policy), and changes nothing. It is the policy
// decision only: what an operation checks after it (S3's RestrictPublicBuckets) and the keys a
// real call would add (`sts:RoleSessionName` of an AssumeRole) are the check's `context` to give;
// a role is asked as a fresh session of it, without session policies.
import type { Decision } from '../policy/types.js';
import { authorize } from './authorize.js';
import type { Caller } from './caller.js';
import { AwsError, type Authorization } from './errors.js';
import type { RequestEnvironment, ResourcePolicy } from './operation.js';
import { bucketPolicy } from './s3.js';
import { roleByArn, trustPolicyOf } from './sts.js';
import type { World } from './world.js';

export interface RequestToDecide {
  /** A user, a role (a session of it asks), an assumed-role session or an account's root. */
  principal: string;
  action: string;
  resource: string;
  /** For a user or root: the request is signed with an MFA-authenticated session. */
  mfa?: boolean;
  /** Condition keys beyond those the simulator sets, e.g. `aws:SourceIp`. */
  context?: Record<string, string | string[]>;
}

export type DecidedRequest =
  | { ok: true; decision: Decision; authorization: Authorization; message?: string }
  | { ok: false; message: string };

/** The session name a checked role request carries, as a console's role profile would. */
const CHECK_SESSION = 'iam-tutor-check';

const PRINCIPAL =
  /^arn:aws:(?:iam::(\d{12}):(root|user\/(?:.*\/)?([^/]+)|role\/.+)|sts::(\d{12}):assumed-role\/([^/]+)\/(.+))$/;

function callerOf(world: World, spec: RequestToDecide): Caller | string {
  const match = PRINCIPAL.exec(spec.principal);
  if (!match) return `not a principal ARN: ${spec.principal}`;
  const [, account = '', kind = '', userName, stsAccount, roleName, sessionName] = match;
  const mfa = spec.mfa === true;
  if (stsAccount !== undefined) {
    const role = world.accounts[stsAccount]?.iam.roles[(roleName ?? '').toLowerCase()];
    return role
      ? roleSession(world, role.arn, sessionName ?? CHECK_SESSION, mfa)
      : `no role ${roleName ?? ''}`;
  }
  const known = world.accounts[account];
  if (known === undefined) return `no account ${account} in this world`;
  if (kind === 'root') return { kind: 'root', account, mfa };
  if (userName !== undefined) {
    // The ARN as written, path and case included: IAM finds a principal by its exact ARN.
    const user = known.iam.users[userName.toLowerCase()];
    return user?.arn === spec.principal
      ? { kind: 'user', account, user, mfa }
      : `no user ${spec.principal}`;
  }
  return roleByArn(world, spec.principal)
    ? roleSession(world, spec.principal, CHECK_SESSION, mfa)
    : `no role ${spec.principal}`;
}

/** A session of the role that exists only for this decision: nothing is added to the world. */
function roleSession(
  world: World,
  roleArn: string,
  sessionName: string,
  mfa: boolean,
): Caller | string {
  const role = roleByArn(world, roleArn);
  if (!role) return `no role ${roleArn}`;
  const account = roleArn.split(':')[4] ?? '';
  return {
    kind: 'session',
    account,
    session: {
      accessKeyId: 'ASIACHECK',
      secretAccessKey: '',
      sessionToken: '',
      expiration: world.now + 3600_000,
      issuedAt: world.now,
      account,
      mfaAuthenticated: mfa,
      roleArn: role.arn,
      roleName: role.roleName,
      roleId: role.roleId,
      sessionName,
      chained: false,
      sessionPolicies: [],
    },
  };
}

/** The resource policy AWS would consult for this action on this resource, if any. */
function resourcePolicyFor(
  env: RequestEnvironment,
  spec: RequestToDecide,
): ResourcePolicy | undefined {
  const s3 = /^arn:aws:s3:::([^/]+)/.exec(spec.resource);
  if (s3) return bucketPolicy(env, { Bucket: s3[1] });
  if (/^sts:AssumeRole/.test(spec.action)) return trustPolicyOf(env, { RoleArn: spec.resource });
  return undefined;
}

/** Decides the request as the simulator would at this moment of the world. */
export function decideRequest(world: World, spec: RequestToDecide): DecidedRequest {
  const caller = callerOf(world, spec);
  if (typeof caller === 'string') return { ok: false, message: caller };
  const sourceIp = spec.context?.['aws:SourceIp'];
  const env: RequestEnvironment = {
    world,
    caller,
    region: 'us-east-1',
    sourceIp: typeof sourceIp === 'string' ? sourceIp : '198.51.100.10',
  };
  const resourcePolicy = resourcePolicyFor(env, spec);
  try {
    const authorization = authorize(env, {
      service: spec.action.split(':')[0] ?? '',
      action: spec.action,
      resource: spec.resource,
      ...(resourcePolicy ? { resourcePolicy } : {}),
      ...(spec.context ? { context: spec.context } : {}),
    });
    return { ok: true, decision: 'allowed', authorization };
  } catch (error) {
    if (error instanceof AwsError && error.authorization) {
      const { authorization } = error;
      return {
        ok: true,
        decision: authorization.explanation.decision,
        authorization,
        message: error.message,
      };
    }
    throw error;
  }
}
