// The constraints of IAM's input members, one per shape of the IAM service model (botocore
// iam/2010-05-08/service-2.json; shape names in the comments), so that every operation checks a
// `UserName` or a `PolicyDocument` the same way.
import { AwsError } from '../errors.js';
import {
  optional,
  required,
  type BooleanRule,
  type IntegerRule,
  type StringListRule,
  type StringRule,
  type StructureListRule,
} from '../input.js';

const NAME = '[\\w+=,.@-]+';
const name = (max: number): StringRule => ({ type: 'string', min: 1, max, pattern: NAME });

/** userNameType: the name of a user being created or attached to. */
export const USER_NAME = name(64);
/** existingUserNameType */
export const EXISTING_USER_NAME = name(128);
/** groupNameType */
export const GROUP_NAME = name(128);
/** roleNameType */
export const ROLE_NAME = name(64);
/** policyNameType */
export const POLICY_NAME = name(128);
/** instanceProfileNameType */
export const INSTANCE_PROFILE_NAME = name(128);
/** virtualMFADeviceName */
export const MFA_DEVICE_NAME: StringRule = { type: 'string', min: 1, pattern: NAME };

const PATH_PATTERN = /^(?:\/|\/[\u0021-\u007F]+\/)$/u;

/**
 * pathType. IAM does not quote the model's pattern for a bad path but explains it (recorded in
 * localstack's test_iam_mfa snapshot); a path over 512 characters gets the model's wording.
 */
export const PATH: StringRule = {
  type: 'string',
  min: 1,
  max: 512,
  check: (value) =>
    PATH_PATTERN.test(value)
      ? undefined
      : new AwsError(
          'ValidationError',
          'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
        ),
};
/** pathPrefixType */
export const PATH_PREFIX: StringRule = {
  type: 'string',
  min: 1,
  max: 512,
  pattern: '\\u002F[\\u0021-\\u007F]*',
};
/** policyPathType */
export const POLICY_PATH: StringRule = {
  type: 'string',
  min: 1,
  max: 512,
  pattern: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/',
};
/** policyDocumentType: any policy document, trust policies included. */
export const POLICY_DOCUMENT: StringRule = {
  type: 'string',
  min: 1,
  max: 131072,
  pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
};
/** arnType */
export const ARN: StringRule = { type: 'string', min: 20, max: 2048 };
/** policyDescriptionType */
export const POLICY_DESCRIPTION: StringRule = { type: 'string', max: 1000 };
/** roleDescriptionType */
export const ROLE_DESCRIPTION: StringRule = {
  type: 'string',
  max: 1000,
  pattern: '[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*',
};
/** roleMaxSessionDurationType: one to twelve hours. */
export const MAX_SESSION_DURATION: IntegerRule = { type: 'integer', min: 3600, max: 43200 };
/** policyVersionIdType */
export const VERSION_ID: StringRule = {
  type: 'string',
  pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
};
/** policyScopeType */
export const POLICY_SCOPE: StringRule = { type: 'string', enum: ['All', 'AWS', 'Local'] };
/** PolicyUsageType */
export const POLICY_USAGE: StringRule = {
  type: 'string',
  enum: ['PermissionsPolicy', 'PermissionsBoundary'],
};
/** accessKeyIdType */
export const ACCESS_KEY_ID: StringRule = { type: 'string', min: 16, max: 128, pattern: '[\\w]+' };
/** statusType */
export const KEY_STATUS: StringRule = { type: 'string', enum: ['Active', 'Inactive'] };
/** assignmentStatusType */
export const ASSIGNMENT_STATUS: StringRule = {
  type: 'string',
  enum: ['Assigned', 'Unassigned', 'Any'],
};
/** serialNumberType */
export const SERIAL_NUMBER: StringRule = {
  type: 'string',
  min: 9,
  max: 256,
  pattern: '[\\w+=/:,.@-]+',
};
/** authenticationCodeType: six digits. */
export const AUTHENTICATION_CODE: StringRule = {
  type: 'string',
  min: 6,
  max: 6,
  pattern: '[\\d]+',
};
/** passwordType */
export const PASSWORD: StringRule = {
  type: 'string',
  min: 1,
  max: 128,
  pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
};
/** minimumPasswordLengthType */
export const MINIMUM_PASSWORD_LENGTH: IntegerRule = { type: 'integer', min: 6, max: 128 };
/** maxPasswordAgeType: days. */
export const MAX_PASSWORD_AGE: IntegerRule = { type: 'integer', min: 1, max: 1095 };
/** passwordReusePreventionType */
export const PASSWORD_REUSE_PREVENTION: IntegerRule = { type: 'integer', min: 1, max: 24 };
/** SAMLMetadataDocumentType */
export const SAML_METADATA: StringRule = { type: 'string', min: 1000, max: 10000000 };
/** SAMLProviderNameType */
export const SAML_PROVIDER_NAME: StringRule = {
  type: 'string',
  min: 1,
  max: 128,
  pattern: '[\\w._-]+',
};
/** OpenIDConnectProviderUrlType */
export const OIDC_URL: StringRule = { type: 'string', min: 1, max: 255 };
/** clientIDListType */
export const CLIENT_IDS: StringListRule = {
  type: 'list',
  member: { type: 'string', min: 1, max: 255 },
};
/** thumbprintListType: SHA-1 hex digests. */
export const THUMBPRINTS: StringListRule = {
  type: 'list',
  member: { type: 'string', min: 40, max: 40 },
};
/** booleanType */
export const BOOLEAN: BooleanRule = { type: 'boolean' };

const TAG_PATTERN = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]';
/** tagListType of Tag {tagKeyType, tagValueType} */
export const TAGS: StructureListRule = {
  type: 'structures',
  max: 50,
  members: {
    Key: required({ type: 'string', min: 1, max: 128, pattern: `${TAG_PATTERN}+` }),
    Value: required({ type: 'string', min: 0, max: 256, pattern: `${TAG_PATTERN}*` }),
  },
};

/** Marker (markerType) and MaxItems (maxItemsType) of the List operations. */
export const PAGING = {
  Marker: optional({ type: 'string', min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' }),
  MaxItems: optional({ type: 'integer', min: 1, max: 1000 }),
};
