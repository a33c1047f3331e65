// Access keys of IAM users (id_credentials_access-keys): at most two per user, inactive ones
// counted; the secret is in CreateAccessKey's answer and nowhere else; keys are set Inactive or
// Active, deleted, and GetAccessKeyLastUsed tells when a key last signed a request, for which
// service and region (`N/A` before its first use). Without UserName, the operations act on the
// calling user.
import { callerArn } from '../caller.js';
import { AwsError, limitExceeded } from '../errors.js';
import { newId, newSecret } from '../ids.js';
import { optional, required, requiredText } from '../input.js';
import type { Operation, Params, RequestEnvironment } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { AccessKey, IamUser } from '../world.js';
import { callerAccount, entityArn, requireUser, subjectUserName } from './account.js';
import { ACCESS_KEY_ID, EXISTING_USER_NAME, KEY_STATUS, PAGING } from './members.js';
import { listed } from './pages.js';

const MAX_KEYS = 2;

const subjectResource: Operation['resource'] = (env, params) =>
  entityArn(callerAccount(env), 'user', subjectUserName(env, params));

const subjectUser = (env: RequestEnvironment, params: Params): IamUser =>
  requireUser(callerAccount(env), subjectUserName(env, params));

/** The user's key with this id, or `The Access Key with id X cannot be found.` */
function requireKey(user: IamUser, accessKeyId: string): AccessKey {
  const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId);
  if (!key) {
    throw new AwsError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`);
  }
  return key;
}

export const CreateAccessKey: Operation = {
  service: 'iam',
  name: 'CreateAccessKey',
  input: { UserName: optional(EXISTING_USER_NAME) },
  action: 'iam:CreateAccessKey',
  resource: subjectResource,
  run: (env, params) => {
    const user = subjectUser(env, params);
    if (user.accessKeys.length >= MAX_KEYS) throw limitExceeded('AccessKeysPerUser', MAX_KEYS);
    const key: AccessKey = {
      accessKeyId: newId(env.world, 'AKIA'),
      secretAccessKey: newSecret(env.world),
      status: 'Active',
      createDate: isoSeconds(env.world.now),
    };
    user.accessKeys.push(key);
    return {
      AccessKey: {
        UserName: user.userName,
        AccessKeyId: key.accessKeyId,
        Status: key.status,
        SecretAccessKey: key.secretAccessKey,
        CreateDate: key.createDate,
      },
    };
  },
};

export const ListAccessKeys: Operation = {
  service: 'iam',
  name: 'ListAccessKeys',
  input: { UserName: optional(EXISTING_USER_NAME), ...PAGING },
  action: 'iam:ListAccessKeys',
  resource: subjectResource,
  run: (env, params) => {
    const user = subjectUser(env, params);
    return listed('AccessKeyMetadata', user.accessKeys, params, (key) => ({
      UserName: user.userName,
      AccessKeyId: key.accessKeyId,
      Status: key.status,
      CreateDate: key.createDate,
    }));
  },
};

export const UpdateAccessKey: Operation = {
  service: 'iam',
  name: 'UpdateAccessKey',
  input: {
    UserName: optional(EXISTING_USER_NAME),
    AccessKeyId: required(ACCESS_KEY_ID),
    Status: required(KEY_STATUS),
  },
  action: 'iam:UpdateAccessKey',
  resource: subjectResource,
  run: (env, params) => {
    const key = requireKey(subjectUser(env, params), requiredText(params, 'AccessKeyId'));
    key.status = requiredText(params, 'Status') === 'Active' ? 'Active' : 'Inactive';
    return {};
  },
};

export const DeleteAccessKey: Operation = {
  service: 'iam',
  name: 'DeleteAccessKey',
  input: { UserName: optional(EXISTING_USER_NAME), AccessKeyId: required(ACCESS_KEY_ID) },
  action: 'iam:DeleteAccessKey',
  resource: subjectResource,
  run: (env, params) => {
    const user = subjectUser(env, params);
    const key = requireKey(user, requiredText(params, 'AccessKeyId'));
    user.accessKeys.splice(user.accessKeys.indexOf(key), 1);
    return {};
  },
};

/** The user of the caller's account that owns the key, if any. */
function keyOwner(env: RequestEnvironment, accessKeyId: string): IamUser | undefined {
  return Object.values(callerAccount(env).iam.users).find((user) =>
    user.accessKeys.some((key) => key.accessKeyId === accessKeyId),
  );
}

export const GetAccessKeyLastUsed: Operation = {
  service: 'iam',
  name: 'GetAccessKeyLastUsed',
  input: { AccessKeyId: required(ACCESS_KEY_ID) },
  action: 'iam:GetAccessKeyLastUsed',
  // The key's owner is the resource. An unknown key is refused before any policy is asked, in
  // IAM's own words (localstack test_iam_users snapshot, recorded against AWS).
  resource: (env, params) => {
    const accessKeyId = requiredText(params, 'AccessKeyId');
    const owner = keyOwner(env, accessKeyId);
    if (!owner) {
      throw new AwsError(
        'AccessDenied',
        `User: ${callerArn(env.caller)} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${accessKeyId}`,
      );
    }
    return owner.arn;
  },
  run: (env, params) => {
    const accessKeyId = requiredText(params, 'AccessKeyId');
    const owner = keyOwner(env, accessKeyId);
    const used = owner?.accessKeys.find((key) => key.accessKeyId === accessKeyId)?.lastUsed;
    return {
      UserName: owner?.userName,
      AccessKeyLastUsed: used
        ? { LastUsedDate: used.date, ServiceName: used.serviceName, Region: used.region }
        : { ServiceName: 'N/A', Region: 'N/A' },
    };
  },
};
