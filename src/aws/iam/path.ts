// IAM's own check of an entity's path (the model's pathType: `(\u002F)|(\u002F[\u0021-\u007F]+\u002F)`).
// IAM does not quote the model's pattern for a bad path but explains it (recorded in localstack's
// test_iam_mfa snapshot); a path over 512 characters gets the model's wording, which the model
// check gives (src/aws/input.ts).
import { AwsError } from '../errors.js';
import type { OwnCheck } from '../input.js';

const PATH_PATTERN = /^(?:\/|\/[\u0021-\u007F]+\/)$/u;

/** The Path member's check, in place of the model's pattern, of the operations that create one. */
export const checkPath: OwnCheck = (value) =>
  PATH_PATTERN.test(value)
    ? undefined
    : new AwsError(
        'ValidationError',
        'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
      );
