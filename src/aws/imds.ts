// The instance metadata service at 169.254.169.254, as software on an instance sees it
// (instancedata-data-retrieval, configuring-instance-metadata-service, iam-roles-for-amazon-ec2):
// IMDSv2 takes a session token from `PUT /latest/api/token` and wants it on every GET in the
// `X-aws-ec2-metadata-token` header; with HttpTokens `required` a GET without it is 401. The
// role's credentials are those of a session EC2 itself gets by assuming the instance profile's
// role (the trust policy must allow ec2.amazonaws.com); they are renewed before they expire.
import { callApi } from './api.js';
import { newSecret } from './ids.js';
import { AssumeRole } from './sts.js';
import { isoSeconds } from './time.js';
import type { Ec2Instance, IamRole, InstanceProfile, StsSession, World } from './world.js';

export interface MetadataRequest {
  method: string;
  /** The path after the host: `/latest/meta-data/iam/security-credentials/`. */
  path: string;
  /** Header names in any case. */
  headers: Readonly<Record<string, string>>;
}

export interface MetadataResponse {
  status: number;
  /** The status line's reason phrase: `OK`, `Unauthorized`. */
  reason: string;
  body: string;
}

const TOKEN_HEADER = 'x-aws-ec2-metadata-token';
const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';
const MAX_TTL_SECONDS = 21_600;
/** Instance role credentials last about six hours; AWS renews them well before they run out. */
export const INSTANCE_CREDENTIALS_SECONDS = 6 * 3600;
const RENEW_BEFORE_MS = 60 * 60 * 1000;

const statusPage = (status: number, title: string): MetadataResponse => ({
  status,
  reason: title,
  body: `<?xml version="1.0" encoding="iso-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
         "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head>
  <title>${status} - ${title}</title>
 </head>
 <body>
  <h1>${status} - ${title}</h1>
 </body>
</html>
`,
});

const ok = (body: string): MetadataResponse => ({ status: 200, reason: 'OK', body });

function header(request: MetadataRequest, name: string): string | undefined {
  const found = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name);
  return found?.[1];
}

function issueToken(world: World, instance: Ec2Instance, request: MetadataRequest) {
  const ttl = Number(header(request, TTL_HEADER));
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS)
    return statusPage(400, 'Bad Request');
  const token = `AQAEA${newSecret(world).replace(/[+/]/g, 'x')}==`;
  instance.metadataTokens[token] = world.now + ttl * 1000;
  return ok(token);
}

/** The instance's role, and EC2's session for it or why EC2 could not get one. */
interface RoleCredentials {
  role: IamRole;
  profile: InstanceProfile;
  session?: StsSession;
  error?: string;
}

/** The profile's role and EC2's current session for it, renewed when it nears its end. */
function roleCredentials(world: World, instance: Ec2Instance): RoleCredentials | undefined {
  const account = world.accounts[instance.account];
  const profile = Object.values(account?.iam.instanceProfiles ?? {}).find(
    (p) => p.arn === instance.instanceProfileArn,
  );
  const roleName = profile?.roles[0];
  const role = roleName === undefined ? undefined : account?.iam.roles[roleName.toLowerCase()];
  if (profile === undefined || role === undefined) return undefined;
  const current =
    instance.roleSessionKey === undefined ? undefined : world.sessions[instance.roleSessionKey];
  if (current && current.roleArn === role.arn && world.now < current.expiration - RENEW_BEFORE_MS) {
    return { role, profile, session: current };
  }
  const result = callApi(world, {
    caller: { service: 'ec2.amazonaws.com' },
    operation: AssumeRole,
    params: {
      RoleArn: role.arn,
      RoleSessionName: instance.instanceId,
      DurationSeconds: INSTANCE_CREDENTIALS_SECONDS,
    },
    region: instance.region,
    sourceIp: instance.privateIpAddress,
  });
  if (!result.ok) return { role, profile, error: result.error.message };
  const credentials = result.response.Credentials as { AccessKeyId: string };
  instance.roleSessionKey = credentials.AccessKeyId;
  const session = world.sessions[credentials.AccessKeyId];
  return session ? { role, profile, session } : undefined;
}

const json = (value: unknown) => ok(JSON.stringify(value, null, 2));

function iamMetadata(world: World, instance: Ec2Instance, rest: string): MetadataResponse {
  const found = roleCredentials(world, instance);
  if (found === undefined) return statusPage(404, 'Not Found');
  const { role, profile } = found;
  const updated = isoSeconds(found.session?.issuedAt ?? world.now);
  const failure =
    found.error === undefined
      ? undefined
      : {
          Code: 'AssumeRoleUnauthorizedAccess',
          Message: `EC2 cannot assume the role ${role.roleName}.  Please see documentation at https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html#troubleshoot_iam-ec2_errors-info-doc.`,
          LastUpdated: updated,
        };
  if (rest === '') return ok('info\nsecurity-credentials/');
  if (rest === 'info') {
    return json(
      failure ?? {
        Code: 'Success',
        LastUpdated: updated,
        InstanceProfileArn: profile.arn,
        InstanceProfileId: profile.instanceProfileId,
      },
    );
  }
  if (rest === 'security-credentials' || rest === 'security-credentials/') return ok(role.roleName);
  if (rest === `security-credentials/${role.roleName}`) {
    const { session } = found;
    if (failure || session === undefined) return json(failure);
    return json({
      Code: 'Success',
      LastUpdated: updated,
      Type: 'AWS-HMAC',
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      Token: session.sessionToken,
      Expiration: isoSeconds(session.expiration),
    });
  }
  return statusPage(404, 'Not Found');
}

/** The categories `GET /latest/meta-data/` lists: those simulated here (`iam/` with a profile). */
function categories(instance: Ec2Instance): string {
  const iam = instance.instanceProfileArn === undefined ? [] : ['iam/'];
  return ['ami-id', ...iam, 'instance-id', 'instance-type', 'local-ipv4', 'placement/'].join('\n');
}

function metadata(world: World, instance: Ec2Instance, path: string): MetadataResponse {
  switch (path) {
    case '':
      return ok(categories(instance));
    case 'ami-id':
      return ok(instance.imageId);
    case 'instance-id':
      return ok(instance.instanceId);
    case 'instance-type':
      return ok(instance.instanceType);
    case 'local-ipv4':
      return ok(instance.privateIpAddress);
    case 'placement':
    case 'placement/':
      return ok('availability-zone\nregion');
    case 'placement/availability-zone':
      return ok(`${instance.region}a`);
    case 'placement/region':
      return ok(instance.region);
  }
  if (path === 'iam' || path.startsWith('iam/')) {
    return iamMetadata(world, instance, path.replace(/^iam\/?/, ''));
  }
  return statusPage(404, 'Not Found');
}

/** Whether the request carries a live token of this instance, as IMDSv2 wants. */
function hasValidToken(world: World, instance: Ec2Instance, request: MetadataRequest): boolean {
  const token = header(request, TOKEN_HEADER);
  const expires = token === undefined ? undefined : instance.metadataTokens[token];
  return expires !== undefined && world.now < expires;
}

/** One HTTP request to the instance's metadata service. */
export function instanceMetadata(
  world: World,
  instance: Ec2Instance,
  request: MetadataRequest,
): MetadataResponse {
  const path = request.path.replace(/\/{2,}/g, '/');
  if (path === '/latest/api/token') {
    return request.method === 'PUT'
      ? issueToken(world, instance, request)
      : statusPage(405, 'Method Not Allowed');
  }
  if (request.method !== 'GET') return statusPage(405, 'Method Not Allowed');
  // A token that is given must be valid, whatever HttpTokens says; without one, only IMDSv1.
  const token = header(request, TOKEN_HEADER);
  if (
    token !== undefined
      ? !hasValidToken(world, instance, request)
      : instance.httpTokens === 'required'
  ) {
    return statusPage(401, 'Unauthorized');
  }
  if (path === '/latest' || path === '/latest/') return ok('dynamic\nmeta-data');
  const prefix = '/latest/meta-data';
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return statusPage(404, 'Not Found');
  return metadata(world, instance, path.slice(prefix.length).replace(/^\//, ''));
}

/** The instance role's credentials, as the SDKs fetch them from IMDS, or undefined without a role. */
export function instanceRoleCredentials(
  world: World,
  instance: Ec2Instance,
): StsSession | undefined {
  const found = roleCredentials(world, instance);
  return found?.session;
}
