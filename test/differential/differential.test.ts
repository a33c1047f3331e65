// Our engine against @cloud-copilot/iam-simulate, an independent evaluator, on the decision
// (allowed / explicitDeny / implicitDeny): hand-written scenarios with the documented answer,
// the known divergences (ours documented, iam-simulate's the other), and generated scenarios.
// DIFFERENTIAL_RUNS and DIFFERENTIAL_SEED change the generated run for deeper local searches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario as generatedScenario } from './arbitraries.js';
import { KNOWN_DIVERGENCES, type Divergence } from './known-divergences.js';
import { minimize } from './minimize.js';
import { DOCUMENTED_SCENARIOS } from './scenarios.js';
import {
  decideOurs,
  decideTheirs,
  describeDisagreement,
  type Outcome,
  type Scenario,
} from './translate.js';

const NUM_RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 5000);
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20_250_601);
/** Below this share of generated cases actually compared, the generators have drifted. */
const MIN_COMPARED = 0.8;

async function decideBoth(scenario: Scenario): Promise<{ ours: Outcome; theirs: Outcome }> {
  return { ours: decideOurs(scenario), theirs: await decideTheirs(scenario) };
}

describe('hand-written scenarios: both engines give the documented decision', () => {
  it.each(DOCUMENTED_SCENARIOS)('$name ($doc)', async ({ scenario, expected }) => {
    const { ours, theirs } = await decideBoth(scenario);
    const both = { ours, theirs };
    expect(both, describeDisagreement(scenario, ours, theirs)).toEqual({
      ours: { decision: expected },
      theirs: { decision: expected },
    });
  });
});

describe('known divergences: ours is the documented decision, iam-simulate gives the other', () => {
  it.each(KNOWN_DIVERGENCES)('$name ($doc)', async (divergence) => {
    const { ours, theirs } = await decideBoth(divergence.scenario);
    expect(ours).toEqual({ decision: divergence.documented });
    expect(theirs).toEqual({ decision: divergence.iamSimulate });
    expect(divergence.covers(divergence.scenario)).toBe(true);
    expect(divergence.explains(divergence.documented, divergence.iamSimulate)).toBe(true);
  });
});

/** What happened to the generated cases, for the coverage check and the summary line. */
class Tally {
  total = 0;
  agreed = 0;
  readonly rejected = new Map<string, number>();
  readonly divergences = new Map<string, number>();

  count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  get compared(): number {
    return this.agreed + [...this.divergences.values()].reduce((a, b) => a + b, 0);
  }

  summary(): string {
    const list = (map: Map<string, number>) =>
      [...map].map(([key, n]) => `${n} × ${key}`).join('; ') || 'none';
    return (
      `${this.total} generated scenarios (seed ${SEED}): ${this.agreed} agreed, ` +
      `documented divergences: ${list(this.divergences)}; not compared: ${list(this.rejected)}`
    );
  }
}

const sameOutcome = (a: Outcome, b: Outcome) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The known divergence that explains a disagreement: the scenario has its feature, and the feature
 * can part the engines in the direction they parted. Anything else is a new divergence.
 */
function explainingDivergence(
  scenario: Scenario,
  ours: Outcome,
  theirs: Outcome,
): Divergence | undefined {
  if (!('decision' in ours) || !('decision' in theirs)) return undefined;
  return KNOWN_DIVERGENCES.find(
    (d) => d.covers(scenario) && d.explains(ours.decision, theirs.decision),
  );
}

describe('generated scenarios', () => {
  it('both engines decide alike, apart from the documented divergences', async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(generatedScenario, async (scenario) => {
        tally.total++;
        const { ours, theirs } = await decideBoth(scenario);
        if ('rejected' in theirs) {
          // Inputs iam-simulate refuses (or would alter, e.g. context keys it drops) say nothing.
          tally.count(tally.rejected, theirs.rejected.replace(/:.*/, ''));
          return;
        }
        if (sameOutcome(ours, theirs)) {
          tally.agreed++;
          return;
        }
        const divergence = explainingDivergence(scenario, ours, theirs);
        if (divergence) {
          tally.count(tally.divergences, divergence.name);
          return;
        }
        const small = await minimize(scenario, async (candidate) => {
          const again = await decideBoth(candidate);
          return sameOutcome(again.ours, ours) && sameOutcome(again.theirs, theirs);
        });
        throw new Error(
          `the engines disagree. Smallest such case:\n${describeDisagreement(small, ours, theirs)}\n` +
            `as generated:\n${JSON.stringify(scenario)}`,
        );
      }),
      // Our minimizer shrinks inside the documents, where fast-check's shrinking cannot reach.
      { seed: SEED, numRuns: NUM_RUNS, endOnFailure: true },
    );
    console.info(tally.summary());
    expect(tally.total).toBe(NUM_RUNS);
    expect(tally.compared / tally.total).toBeGreaterThanOrEqual(MIN_COMPARED);
  }, 240_000);
});
