// `--seed TEXT` (or IAM_TUTOR_SEED): a workshop's per-learner worlds, for the tutorial and for
// `grade`, which must build the same worlds to grade what the learner did. An environment
// variable lets a workshop's machines (a codespace, a CI job) set it once for both.
import { learnerOf, type Learner } from '../lessons/learner.js';

export const SEED_OPTION = { seed: { type: 'string' } } as const;

export function learnerFromFlags(
  seed: string | undefined,
  env: NodeJS.ProcessEnv,
): Learner | { problem: string } {
  return learnerOf(seed ?? env.IAM_TUTOR_SEED ?? '');
}
