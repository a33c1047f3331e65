// The lesson file format: the one definition of what a lesson may say. The TypeScript types below
// and lessons/lesson.schema.json (which editors use for completion) are both derived from it.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

/** Its text shows in editors (hover and completion) through the JSON Schema. */
export const about = (text: string) => z.describe(text);

/** A lesson's, step's or check's id: lowercase words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z.string().check(z.regex(SLUG, 'expected lowercase words joined by hyphens'));

/** A text that says something: not empty. */
export const text = z.string().check(z.minLength(1));

const commands = z
  .array(z.string().check(z.minLength(1)))
  .check(about('Console commands, one per item, as a learner would type them.'));

const decision = z.enum(['allowed', 'explicitDeny', 'implicitDeny']);

const expectedDecision = z
  .enum(['allowed', 'denied', 'explicitDeny', 'implicitDeny'])
  .check(about('The decision the request must get; `denied` takes either kind of deny.'));

const contextValue = z.union([z.string(), z.array(z.string())], {
  error: 'expected a string, or a list of strings (multivalued keys)',
});

const request = z
  .strictObject({
    principal: z
      .string()
      .check(
        z.regex(
          /^arn:aws:(?:iam::\d{12}:(?:root|user\/.+|role\/.+)|sts::\d{12}:assumed-role\/.+)$/,
          'expected the ARN of a user, a role or an account root, e.g. arn:aws:iam::111122223333:role/app',
        ),
        about('Who asks: a user, a role (a session of it asks), or an account root, by ARN.'),
      ),
    action: z
      .string()
      .check(
        z.regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, 'expected service:Action, e.g. s3:GetObject'),
        about('service:Action, e.g. s3:GetObject.'),
      ),
    resource: text.check(about('The resource ARN, e.g. arn:aws:s3:::bucket/key.')),
    mfa: z.optional(
      z.boolean().check(about("A user's request signed with an MFA-authenticated session.")),
    ),
    context: z.optional(
      z
        .record(z.string(), contextValue)
        .check(about('Condition keys beyond those the simulator sets, e.g. aws:SourceIp.')),
    ),
  })
  .check(about('A request decided against the world as it stands, changing nothing.'));

// A condition on the world, in one of three forms: a read-only `aws` command run as the account's
// root user whose value must equal `equals`; a `request` whose decision must be `decision`; or a
// `shell` command run on a machine as the learner would run it there (on a copy of the world).
const condition = {
  aws: z.optional(
    text.check(
      about(
        'A read-only aws command (get-, list-, describe-), run in the account; its value (after --query) must equal `equals`.',
      ),
    ),
  ),
  account: z.optional(
    z
      .string()
      .check(
        z.regex(/^\d{12}$/, 'expected a 12-digit account id'),
        about(
          "The account `aws` looks at: the learner's own account (111122223333 in the lessons' text), if absent.",
        ),
      ),
  ),
  equals: z.optional(
    z.unknown().check(about('The value `aws` must print (as JSON data); true if absent.')),
  ),
  request: z.optional(request),
  decision: z.optional(expectedDecision),
  shell: z.optional(
    text.check(
      about(
        'A console command run on `on` as the learner would run it there (on a copy of the world, so it changes nothing). It holds when it exits 0 and its output (as JSON when it is JSON) equals `equals`, if given.',
      ),
    ),
  ),
  on: z.optional(
    z
      .enum(['laptop', 'instance'])
      .check(
        about('Where `shell` runs: the laptop (default), or the newest running EC2 instance.'),
      ),
  ),
};

function oneForm(
  value: { aws?: unknown; request?: unknown; shell?: unknown },
  context: { issues: unknown[] },
) {
  const forms = [value.aws, value.request, value.shell].filter((form) => form !== undefined);
  if (forms.length !== 1) {
    context.issues.push({
      code: 'custom',
      input: value,
      message: 'expected one of `aws` (a read-only command), `request` or `shell`',
    });
  }
}

const check = z
  .strictObject({
    id: slug,
    title: text.check(about('What the learner sees in the checklist.')),
    ...condition,
  })
  .check(z.superRefine(oneForm), about('A condition the task needs: `aws`, `request` or `shell`.'));

const misconception = z
  .strictObject({
    key: slug.check(about('The feedback key wrong solutions name.')),
    ...condition,
    feedback: text.check(about('What to tell the learner, in plain words.')),
    see: z.optional(slug.check(about('The id of the step whose text explains it.'))),
  })
  .check(
    z.superRefine(oneForm),
    about('A pattern of the world that shows a known misunderstanding: when it holds, say so.'),
  );

const wrongSolution = z.strictObject({
  name: text,
  commands,
  feedback: slug.check(about('The misconception key this solution must trigger.')),
});

const readStep = z.strictObject({
  kind: z.literal('read'),
  id: slug,
  title: z.optional(text),
  text: text.check(about('A small markdown subset: *emphasis*, `code`, lists, tables.')),
});

const quizStep = z.strictObject({
  kind: z.literal('quiz'),
  id: slug,
  question: text,
  multiple: z.optional(
    z.boolean().check(about('Several options are right; the learner must choose all of them.')),
  ),
  options: z
    .array(z.strictObject({ text, correct: z.optional(z.boolean()), feedback: text }))
    .check(z.minLength(2), about('Each with the feedback shown when it is chosen.')),
});

const predictStep = z.strictObject({
  kind: z.literal('predict'),
  id: slug,
  text: text.check(about('The situation in words, shown above the request.')),
  setup: z.optional(commands.check(about('Commands that build the world of the request.'))),
  request,
  answer: decision.check(
    about("The engine's decision; `lessons check` verifies it, so the text cannot drift."),
  ),
});

const taskStep = z.strictObject({
  kind: z.literal('task'),
  id: slug,
  title: text,
  goal: text,
  setup: z.optional(commands.check(about('Commands that build the starting world.'))),
  checks: z.array(check).check(z.minLength(1), about('The task passes when all of them hold.')),
  probes: z.optional(
    z.array(check).check(about('Least privilege: requests that must stay denied.')),
  ),
  misconceptions: z.optional(z.array(misconception)),
  hints: z.optional(
    z.array(text).check(about('Revealed one at a time; the last may be the exact command.')),
  ),
  solution: commands.check(z.minLength(1), about('The reference solution: it must pass.')),
  wrongSolutions: z.optional(
    z.array(wrongSolution).check(about('Each must fail and show the misconception it names.')),
  ),
});

export const stepSchema = z.discriminatedUnion('kind', [readStep, quizStep, predictStep, taskStep]);

export const lessonSchema = z.strictObject({
  id: slug.check(about('The file name after its number: 04-app-on-ec2.yaml has id app-on-ec2.')),
  title: text,
  summary: text,
  scenario: slug.check(
    about('admin-access, on-prem, ec2, federation, cross-account, or another tag.'),
  ),
  minutes: z.number().check(z.int(), z.positive(), about('Estimated minutes.')),
  prerequisites: z.optional(z.array(slug).check(about('Ids of lessons to do first.'))),
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
    ...(withOneForm(z.toJSONSchema(lessonSchema, { io: 'input' })) as Record<string, unknown>),
    title: 'iam-tutor lesson',
  };
}

const FORMS = ['aws', 'request', 'shell'];

/**
 * The JSON Schema of a condition says "exactly one of aws, request, shell" too (the refinement
 * `oneForm` is code, which toJSONSchema cannot carry), so editors flag a check with none or two.
 */
function withOneForm(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withOneForm);
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, withOneForm(value)]),
  );
  const properties = (node as { properties?: Record<string, unknown> }).properties;
  if (properties && FORMS.every((form) => form in properties)) {
    copy.oneOf = FORMS.map((form) => ({ required: [form] }));
  }
  return copy;
}
