// The lesson file format: the one definition of what a lesson may say. The TypeScript types below
// and lessons/lesson.schema.json (which editors use for completion) are both derived from it.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

const slug = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase words joined by hyphens'));

const text = z.string().check(z.minLength(1));

/** Console commands, one per item, as a learner would type them. */
const commands = z.array(z.string().check(z.minLength(1)));

const decision = z.enum(['allowed', 'explicitDeny', 'implicitDeny']);

/** What a check expects of a request: `denied` takes either kind of deny. */
const expectedDecision = z.enum(['allowed', 'denied', 'explicitDeny', 'implicitDeny']);

const contextValue = z.union([z.string(), z.array(z.string())], {
  error: 'expected a string, or a list of strings (multivalued keys)',
});

/**
 * A request decided against the world as it stands: the principal (a user, a role, whose request
 * comes from a session of it, or an account's root user), the action, the resource, and condition
 * keys beyond those the simulator sets itself.
 */
const request = z.strictObject({
  principal: z
    .string()
    .check(
      z.regex(
        /^arn:aws:(?:iam::\d{12}:(?:root|user\/.+|role\/.+)|sts::\d{12}:assumed-role\/.+)$/,
        'expected the ARN of a user, a role or an account root, e.g. arn:aws:iam::111122223333:role/app',
      ),
    ),
  action: z
    .string()
    .check(z.regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, 'expected service:Action, e.g. s3:GetObject')),
  resource: text,
  /** A user's request signed with an MFA-authenticated session (aws:MultiFactorAuthPresent). */
  mfa: z.optional(z.boolean()),
  context: z.optional(z.record(z.string(), contextValue)),
});

/**
 * A condition on the world, in one of two forms: an `aws` command that only reads (get-, list-,
 * describe-), run as the account's root user, whose output (after its `--query`) must equal
 * `equals` (true by default); or a `request` whose decision must be `decision` (`allowed` by
 * default, `denied` in probes).
 */
const condition = {
  aws: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^aws\s+\S+\s+(?:get|list|describe)-\S*/,
          'expected a read-only aws command (get-, list- or describe-), e.g. aws iam get-role --role-name app',
        ),
      ),
  ),
  /** Which account's root user runs `aws`: the lesson's first account when absent. */
  account: z.optional(z.string().check(z.regex(/^\d{12}$/, 'expected a 12-digit account id'))),
  equals: z.optional(z.unknown()),
  request: z.optional(request),
  decision: z.optional(expectedDecision),
};

function oneForm(value: { aws?: unknown; request?: unknown }, context: { issues: unknown[] }) {
  if ((value.aws === undefined) === (value.request === undefined)) {
    context.issues.push({
      code: 'custom',
      input: value,
      message: 'expected either `aws` (a read-only command) or `request`, not both or neither',
    });
  }
}

const check = z
  .strictObject({
    id: slug,
    /** What the learner sees in the checklist. */
    title: text,
    ...condition,
  })
  .check(z.superRefine(oneForm));

/** A pattern of the world that shows a known misunderstanding, and what to tell the learner. */
const misconception = z
  .strictObject({
    key: slug,
    ...condition,
    feedback: text,
    /** The step whose text explains it. */
    see: z.optional(slug),
  })
  .check(z.superRefine(oneForm));

const wrongSolution = z.strictObject({
  name: text,
  commands,
  /** The misconception key this solution must trigger. */
  feedback: slug,
});

const readStep = z.strictObject({
  kind: z.literal('read'),
  id: slug,
  title: z.optional(text),
  /** A small markdown subset: *emphasis*, `code`, lists, tables. */
  text,
});

const quizStep = z.strictObject({
  kind: z.literal('quiz'),
  id: slug,
  question: text,
  /** Several options may be right; the learner must choose all of them and no other. */
  multiple: z.optional(z.boolean()),
  options: z
    .array(z.strictObject({ text, correct: z.optional(z.boolean()), feedback: text }))
    .check(z.minLength(2)),
});

const predictStep = z.strictObject({
  kind: z.literal('predict'),
  id: slug,
  /** The situation in words, shown above the request. */
  text,
  /** Commands that build the world the request is decided in (from the lesson's start). */
  setup: z.optional(commands),
  request,
  /** What the engine decides; `lessons check` verifies it, so the text cannot drift. */
  answer: decision,
});

const taskStep = z.strictObject({
  kind: z.literal('task'),
  id: slug,
  title: text,
  goal: text,
  setup: z.optional(commands),
  checks: z.array(check).check(z.minLength(1)),
  /** Least privilege: requests that must stay denied. */
  probes: z.optional(z.array(check)),
  misconceptions: z.optional(z.array(misconception)),
  /** Revealed one at a time; the last may be the exact command. */
  hints: z.optional(z.array(text)),
  solution: commands.check(z.minLength(1)),
  wrongSolutions: z.optional(z.array(wrongSolution)),
});

export const stepSchema = z.discriminatedUnion('kind', [readStep, quizStep, predictStep, taskStep]);

export const lessonSchema = z.strictObject({
  id: slug,
  title: text,
  summary: text,
  /** admin-access, on-prem, ec2, federation, cross-account, or another tag. */
  scenario: slug,
  minutes: z.number().check(z.int(), z.positive()),
  prerequisites: z.optional(z.array(slug)),
  steps: z.array(stepSchema).check(z.minLength(1)),
});

export type Lesson = z.infer<typeof lessonSchema>;
export type Step = z.infer<typeof stepSchema>;
export type TaskStep = Extract<Step, { kind: 'task' }>;
export type PredictStep = Extract<Step, { kind: 'predict' }>;
export type QuizStep = Extract<Step, { kind: 'quiz' }>;
export type Check = z.infer<typeof check>;
export type Misconception = z.infer<typeof misconception>;
export type RequestSpec = z.infer<typeof request>;
export type Decision = z.infer<typeof decision>;
export type ExpectedDecision = z.infer<typeof expectedDecision>;

/** The JSON Schema editors validate lesson files with (`# yaml-language-server: $schema=...`). */
export function lessonJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(lessonSchema, { io: 'input' }),
    title: 'iam-tutor lesson',
  };
}
