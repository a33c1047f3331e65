// AWS errors as the APIs return them: one table of codes, HTTP statuses and message templates, so
// every service writes the same words (iam-facts.md, "Error shapes the simulator prints").
import type { Explanation, Request } from '../policy/types.js';

/** The error codes the simulated services return, with their HTTP status. */
export const ERROR_STATUS = {
  AccessDenied: 403,
  BucketAlreadyExists: 409,
  BucketAlreadyOwnedByYou: 409,
  BucketNotEmpty: 409,
  InvalidAccessKeyId: 403,
  InvalidBucketName: 400,
  MalformedPolicy: 400,
  NoSuchBucket: 404,
  NoSuchBucketPolicy: 404,
  NoSuchKey: 404,
  SignatureDoesNotMatch: 403,
  DeleteConflict: 409,
  EntityAlreadyExists: 409,
  AWSOrganizationsNotInUseException: 400,
  AccessDeniedException: 403,
  DuplicatePolicyAttachmentException: 400,
  DuplicatePolicyException: 400,
  MalformedPolicyDocumentException: 400,
  PolicyNotFoundException: 400,
  PolicyTypeNotEnabledException: 400,
  TargetNotFoundException: 400,
  ExpiredToken: 400,
  ExpiredTokenException: 400,
  InvalidIdentityToken: 400,
  IncorrectState: 400,
  'InvalidAssociationID.NotFound': 400,
  InstanceLimitExceeded: 400,
  'InvalidInstanceID.NotFound': 400,
  InvalidParameterCombination: 400,
  InvalidParameterValue: 400,
  MissingParameter: 400,
  UnauthorizedOperation: 403,
  InvalidAuthenticationCode: 403,
  InvalidClientTokenId: 403,
  InvalidInput: 400,
  LimitExceeded: 409,
  MalformedPolicyDocument: 400,
  MissingAuthenticationToken: 403,
  NoSuchEntity: 404,
  PasswordPolicyViolation: 400,
  ValidationError: 400,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A decision of the policy engine on one request, kept to explain it later (`explain`). */
export interface Authorization {
  request: Request;
  explanation: Explanation;
}

/** An AWS API error: the code and message the AWS CLI prints as `An error occurred (Code) ...`. */
export class AwsError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For AccessDenied: the request as the engine saw it, and its explanation of the denial. */
    readonly authorization?: Authorization,
  ) {
    super(message);
    this.name = 'AwsError';
    this.status = ERROR_STATUS[code];
  }
}

/** IAM's NoSuchEntity message, e.g. `The user with name alice cannot be found.` */
export function noSuchEntity(kind: string, name: string): AwsError {
  return new AwsError('NoSuchEntity', `The ${kind} with name ${name} cannot be found.`);
}

/** IAM's EntityAlreadyExists message, e.g. `User with name alice already exists.` */
export function entityAlreadyExists(kind: string, name: string): AwsError {
  const title = kind.charAt(0).toUpperCase() + kind.slice(1);
  return new AwsError('EntityAlreadyExists', `${title} with name ${name} already exists.`);
}

/** IAM's quota error, e.g. `Cannot exceed quota for AccessKeysPerUser: 2`. */
export function limitExceeded(quota: string, limit: number): AwsError {
  return new AwsError('LimitExceeded', `Cannot exceed quota for ${quota}: ${limit}`);
}

/** The message of a value that fails a model constraint, as IAM's ValidationError words it. */
export function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message);
}

/** IAM's DeleteConflict for an entity that still has parts, e.g. `must delete access keys`. */
export function mustDeleteFirst(what: string): AwsError {
  return new AwsError('DeleteConflict', `Cannot delete entity, must ${what} first.`);
}

/**
 * One broken model constraint. IAM words it today without echoing the value:
 * `Value at 'userName' failed to satisfy constraint: Member must have length ...`; STS still
 * shows it (`shown`): `Value '600' at 'durationSeconds' ...`, `Value null at 'roleArn' ...`.
 */
export function constraintViolation(member: string, constraint: string, shown?: string): string {
  const subject = shown === undefined ? 'Value' : `Value ${shown}`;
  return `${subject} at '${member}' failed to satisfy constraint: ${constraint}`;
}

/** All broken constraints of a request in one ValidationError: `2 validation errors detected: ...`. */
export function validationErrors(violations: readonly string[]): AwsError {
  const count = violations.length;
  return validationError(
    `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`,
  );
}
