// Access keys of IAM users (id_credentials_access-keys): at most two per user, inactive ones
// counted; the secret is in CreateAccessKey's answer and nowhere else; keys are set Inactive or
// Active, deleted, and GetAccessKeyLastUsed tells when a key last signed a request, for which
// service and region (`N/A` before its first use). Without UserName, the operations act on the
// calling user, and List, Update and Delete on the root user's own keys when root calls
// (API_ListAccessKeys: "you can use this operation to manage AWS account root user credentials").
import { callerArn } from '../caller.js';
import { AwsError, limitExceeded } from '../errors.js';
import { newId, newSecret } from '../ids.js';
import { requiredText } from '../input.js';
import type { Operation, Params, RequestEnvironment } from '../operation.js';
import { isoSeconds } from '../time.js';
import type { AccessKey, IamUser } from '../world.js';
import {
  callerAccount,
  requireUser,
  rootSelf,
  subjectResource,
  subjectUserName,
} from './account.js';
import { listed } from './pages.js';

export const MAX_KEYS = 2;

const subjectUser = (env: RequestEnvironment, params: Params): IamUser =>
  requireUser(callerAccount(env), subjectUserName(env, params));

/** The keys a request is about: the user's, or root's own; `userName` is absent for root. */
function subjectKeys(env: RequestEnvironment, params: Params) {
  if (rootSelf(env, params)) return { keys: callerAccount(env).rootAccessKeys ?? [] };
  const user = subjectUser(env, params);
  return { keys: user.accessKeys, userName: user.userName };
}

/** The key with this id among `keys`, or `The Access Key with id X cannot be found.` */
function requireKey(keys: AccessKey[], accessKeyId: string): AccessKey {
  const key = keys.find((k) => k.accessKeyId === accessKeyId);
  if (!key) {
    throw new AwsError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`);
  }
  return key;
}

export const CreateAccessKey: Operation = {
  service: 'iam',
  name: 'CreateAccessKey',
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
  action: 'iam:ListAccessKeys',
  resource: subjectResource,
  run: (env, params) => {
    const { keys, userName } = subjectKeys(env, params);
    return listed('AccessKeyMetadata', keys, params, (key) => ({
      ...(userName === undefined ? {} : { UserName: userName }),
      AccessKeyId: key.accessKeyId,
      Status: key.status,
      CreateDate: key.createDate,
    }));
  },
};

export const UpdateAccessKey: Operation = {
  service: 'iam',
  name: 'UpdateAccessKey',
  action: 'iam:UpdateAccessKey',
  resource: subjectResource,
  run: (env, params) => {
    const key = requireKey(subjectKeys(env, params).keys, requiredText(params, 'AccessKeyId'));
    key.status = requiredText(params, 'Status') === 'Active' ? 'Active' : 'Inactive';
    return {};
  },
};

export const DeleteAccessKey: Operation = {
  service: 'iam',
  name: 'DeleteAccessKey',
  action: 'iam:DeleteAccessKey',
  resource: subjectResource,
  run: (env, params) => {
    const { keys } = subjectKeys(env, params);
    const key = requireKey(keys, requiredText(params, 'AccessKeyId'));
    keys.splice(keys.indexOf(key), 1);
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
