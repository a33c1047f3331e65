// The codes a virtual MFA device shows: like TOTP (RFC 6238), six digits for each 30-second step
// of the clock, derived from the device's seed; but a function of the world's clock, which a
// lesson moves (`wait 2h`), so a real authenticator app could not follow it anyway, and the
// console shows the codes instead.
import { digestOf } from '../ids.js';

export const MFA_STEP_MS = 30_000;

const stepOf = (epochMs: number) => Math.floor(epochMs / MFA_STEP_MS);

/** The code the device with this seed shows at the time. */
export function mfaCode(seed: string, epochMs: number): string {
  return digestOf(`${seed}:${stepOf(epochMs)}`, 6);
}

/**
 * EnableMFADevice's test: two consecutive codes (id_credentials_mfa_enable_virtual), the second
 * one the code of now or of the step before (a little drift is forgiven).
 */
export function consecutiveCodes(
  seed: string,
  now: number,
  first: string,
  second: string,
): boolean {
  return [0, 1].some((back) => {
    const at = now - back * MFA_STEP_MS;
    return second === mfaCode(seed, at) && first === mfaCode(seed, at - MFA_STEP_MS);
  });
}
