// `--seed TEXT` (or IAM_TUTOR_SEED): a workshop's per-learner worlds, for the tutorial and for
// `grade`, which must build the same worlds to grade what the learner did. An environment
// variable lets a workshop's machines (a codespace, a CI job) set it once for both.
import { learnerOf, type Learner } from '../lessons/learner.js';

export const SEED_OPTION = { seed: { type: 'string' } } as const;

/**
 * The learner of the flag, else of the variable (unset or empty: no seed); a problem names where
 * the seed came from. An empty `--seed` is refused: it is an unset shell variable
 * (`--seed "$SEED"`), and grading without the learner's seed would fail every right answer.
 */
export function learnerFromFlags(
  seed: string | undefined,
  env: NodeJS.ProcessEnv,
): Learner | { problem: string } {
  if (seed === '') return { problem: '--seed: the seed is empty; give one, or leave --seed out' };
  const from = seed === undefined ? 'IAM_TUTOR_SEED' : '--seed';
  const learner = learnerOf(seed ?? env.IAM_TUTOR_SEED ?? '');
  return 'problem' in learner ? { problem: `${from}: ${learner.problem}` } : learner;
}
