// A new sandbox for the learner: its clock starts at the real time (to the second), and its ids
// are new each time. The shell's to make, since it reads the clock.
import { createFurnishedSandbox } from '../console/sandbox.js';
import type { SandboxAccounts } from '../console/sandbox-accounts.js';
import type { ConsoleSession } from '../console/session.js';

/** In a workshop the learner's own accounts (see lessons/learner.ts), the lessons' otherwise. */
export function freshSandbox(accounts?: SandboxAccounts): ConsoleSession {
  const now = Math.floor(Date.now() / 1000) * 1000;
  return createFurnishedSandbox(`sandbox-${now}`, now, accounts);
}
