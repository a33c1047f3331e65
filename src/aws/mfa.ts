// An MFA code sent with an STS request (AssumeRole, GetSessionToken: SerialNumber + TokenCode) is
// checked against the caller's own device before the request is authorized; only then does the
// session count as MFA-authenticated. AWS's answers to a bad one (STS, seen in the AWS CLI's
// output): a device that is not the caller's, `MultiFactorAuthentication failed, unable to
// validate MFA code.  Please verify your MFA serial number is valid and associated with this
// user.`; a wrong code, `MultiFactorAuthentication failed with invalid MFA one time pass code.`
import { AwsError } from './errors.js';
import { mfaCode, MFA_STEP_MS } from './iam/mfa-codes.js';
import type { RequestEnvironment } from './operation.js';

const UNKNOWN_DEVICE =
  'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';
const WRONG_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';

/** Throws AccessDenied unless the code is the one the caller's device shows now (or a step ago). */
export function verifyMfaCode(env: RequestEnvironment, serialNumber: string, code: string): void {
  const { caller, world } = env;
  const device =
    caller.kind === 'user' && caller.user.mfaDevices.includes(serialNumber)
      ? world.accounts[caller.account]?.iam.virtualMfaDevices[serialNumber]
      : undefined;
  if (device === undefined) throw new AwsError('AccessDenied', UNKNOWN_DEVICE);
  // A little drift is forgiven, as AWS does for a code typed just as it changed.
  const valid = [0, 1].some(
    (back) => mfaCode(device.base32StringSeed, world.now - back * MFA_STEP_MS) === code,
  );
  if (!valid) throw new AwsError('AccessDenied', WRONG_CODE);
}
