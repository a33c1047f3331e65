// The benchmark (`npm run bench`): decisions per second of our engine and of iam-simulate's
// runSimulation on the same typical requests in the same run, and the validator on a 6 KB policy.
// Prints figures and PASS/MISS against the targets of issue 2, then the console's (issue 3), and last
// the package's sizes (issue 7, bench/package.ts); asserts nothing. Each measure is warmed up, then
// taken over a fixed number of iterations, five times; the median is reported.
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { evaluate } from '../src/policy/evaluate.js';
import { validatePolicy } from '../src/policy/validate.js';
import {
  decideOurs,
  theirOutcome,
  toEvaluationInput,
  toSimulation,
} from '../test/differential/translate.js';
import { LARGE_POLICY_TEXT, TYPICAL_REQUESTS } from './cases.js';
import { consoleBenchmark } from './console.js';
import { lessonsBenchmark } from './lessons.js';
import { packageBenchmark } from './package.js';
import { tutorialBenchmark } from './tutorial.js';
import { fmt, header, median, percentile, REPEATS, row } from './stats.js';

const OURS_ITERATIONS = 100_000;
const THEIRS_ITERATIONS = 1_000;
const VALIDATIONS = 2_000;

/** Runs `measure` once to warm up, then REPEATS times; the median of what it returns. */
async function medianOf(measure: () => number | Promise<number>): Promise<number> {
  await measure();
  const results: number[] = [];
  for (let i = 0; i < REPEATS; i++) results.push(await measure());
  return median(results);
}

// Our engine gets validated policies, as the simulated AWS keeps them; runSimulation validates the
// raw documents on every call, so our validate-then-evaluate rate is measured too.
const cases = TYPICAL_REQUESTS.map((scenario) => ({
  scenario,
  input: toEvaluationInput(scenario),
  simulation: toSimulation(scenario),
}));

async function checkAgreement(): Promise<string> {
  const disagreements: string[] = [];
  for (const [i, { scenario, simulation }] of cases.entries()) {
    const ours = JSON.stringify(decideOurs(scenario));
    const theirs = JSON.stringify(theirOutcome(await runSimulation(simulation, {})));
    if (ours !== theirs) disagreements.push(`case ${i}: ours ${ours}, iam-simulate ${theirs}`);
  }
  return disagreements.length === 0
    ? `both engines decide all ${cases.length} cases alike`
    : `DISAGREEMENTS: ${disagreements.join('; ')}`;
}

/** Decisions per second of `decide` over every case, `iterations` decisions in all (rounded up). */
async function rate(
  iterations: number,
  decide: (c: (typeof cases)[number]) => unknown,
): Promise<number> {
  const rounds = Math.ceil(iterations / cases.length);
  const start = performance.now();
  for (let round = 0; round < rounds; round++) for (const c of cases) await decide(c);
  return (rounds * cases.length) / ((performance.now() - start) / 1000);
}

/** The synchronous twin of `rate`, so that our engine is not timed through promises. */
function syncRate(iterations: number, decide: (c: (typeof cases)[number]) => unknown): number {
  const rounds = Math.ceil(iterations / cases.length);
  const start = performance.now();
  for (let round = 0; round < rounds; round++) for (const c of cases) decide(c);
  return (rounds * cases.length) / ((performance.now() - start) / 1000);
}

const oursPerSecond = () => syncRate(OURS_ITERATIONS, ({ input }) => evaluate(input));
const oursWithValidationPerSecond = () =>
  syncRate(OURS_ITERATIONS / 30, ({ scenario }) => evaluate(toEvaluationInput(scenario)));
const theirsPerSecond = () =>
  rate(THEIRS_ITERATIONS, ({ simulation }) => runSimulation(simulation, {}));

/** Per-call validation times in microseconds: [median, p99] of one run. */
function validationMicros(): [number, number] {
  const times: number[] = [];
  for (let i = 0; i < VALIDATIONS; i++) {
    const start = performance.now();
    validatePolicy(LARGE_POLICY_TEXT, 'managed');
    times.push((performance.now() - start) * 1000);
  }
  return [median(times), percentile(times, 99)];
}

const validated = validatePolicy(LARGE_POLICY_TEXT, 'managed');
if (!validated.ok) throw new Error(`the benchmark policy is invalid: ${validated.error.message}`);

const agreement = await checkAgreement();
const ours = await medianOf(oursPerSecond);
const oursValidating = await medianOf(oursWithValidationPerSecond);
const theirs = await medianOf(theirsPerSecond);
validationMicros();
const validationRuns = Array.from({ length: REPEATS }, validationMicros);
const validationMedian = median(validationRuns.map(([m]) => m));
const validationP99 = median(validationRuns.map(([, p]) => p));

console.log(
  `iam-tutor policy engine benchmark (Node ${process.version}, median of ${REPEATS} runs)`,
);
console.log(
  `typical request: 3 identity policies x 5 statements with conditions, a boundary, a bucket ` +
    `policy; ${TYPICAL_REQUESTS.length} variants; ${agreement}`,
);
console.log(`  ours (validated policies)         ${fmt(ours).padStart(12)} decisions/s`);
console.log(`  ours (validate + evaluate)        ${fmt(oursValidating).padStart(12)} decisions/s`);
console.log(`  iam-simulate runSimulation        ${fmt(theirs).padStart(12)} decisions/s`);
console.log(
  `validation of a ${fmt(LARGE_POLICY_TEXT.length)}-character managed policy: median ` +
    `${fmt(validationMedian, 1)} us, p99 ${fmt(validationP99, 1)} us`,
);
console.log('');
console.log(header());
console.log(row('decisions per second (ours)', fmt(ours), '>= 200,000', ours >= 200_000));
console.log(row('ours / iam-simulate', `${fmt(ours / theirs, 1)}x`, '>= 20x', ours / theirs >= 20));
console.log(
  row(
    '6 KB policy validation, median',
    `${fmt(validationMedian, 1)} us`,
    '< 1,000 us',
    validationMedian < 1000,
  ),
);
console.log(
  row(
    '6 KB policy validation, p99',
    `${fmt(validationP99, 1)} us`,
    '< 1,000 us',
    validationP99 < 1000,
  ),
);

console.log('');
consoleBenchmark();

console.log('');
lessonsBenchmark();

console.log('');
await tutorialBenchmark();

console.log('');
packageBenchmark();
