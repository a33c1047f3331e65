// The input constraints of AWS's service models (src/aws/models: required members, string lengths
// and patterns, number ranges, enums, list lengths), checked before the request is authorized: AWS
// answers a ValidationError for a malformed request whatever the caller may do. The constraints
// are read from the operation's input shape in the model; nothing here lists them by hand. All
// broken constraints are reported together, members in the model's order, in IAM's current
// wording, which no longer echoes the value:
//   `2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must
//   satisfy regular expression pattern: [\w+=,.@-]+; Value at 'userName' failed to ...`
// (recorded AWS answers in localstack/localstack tests/aws/services/iam/*.snapshot.json). STS still
// echoes the value unless the model marks it sensitive: `Value '600' at 'durationSeconds' ...`
// (STS answers quoted in localstack's and moto's STS providers and in users' reports).
// Members are named as on the wire: the API member with its first letter in lower case
// (`UserName` -> `userName`, `ClientIDList` -> `clientIDList`); list items are `tags.1.member.key`.
import { constraintViolation, validationErrors, type AwsError } from './errors.js';
import { SERVICE_MODELS } from './models/index.js';
import { wholeValuePattern } from './models/java-pattern.js';
import { shapeOf, type ServiceModel, type Shape } from './models/model.js';
import type { Operation, Params } from './operation.js';

/**
 * A service's own check of a string member, with its own error, in place of the model's pattern;
 * it runs once every model constraint of the request holds (IAM's path rule: `The specified value
 * for path is invalid. ...`).
 */
export type OwnCheck = (value: string) => AwsError | undefined;

/**
 * The services whose front end checks the model with this ValidationError, and whether it echoes
 * the value. S3 and EC2 answer malformed input with errors of their own
 * (`InvalidBucketName`, `InvalidParameterValue`), which their operations raise themselves;
 * Organizations and Roles Anywhere answer a ValidationException whose wording is not recorded here,
 * so their constraints are not checked yet.
 */
const VALIDATING_SERVICES: Readonly<Record<string, { echoesValues: boolean }>> = {
  iam: { echoesValues: false },
  sts: { echoesValues: true },
};

function lengthConstraints(shape: Shape, length: number): string[] {
  const broken: string[] = [];
  if (shape.max !== undefined && length > shape.max)
    broken.push(`Member must have length less than or equal to ${shape.max}`);
  if (shape.min !== undefined && length < shape.min)
    broken.push(`Member must have length greater than or equal to ${shape.min}`);
  return broken;
}

/** The string's broken constraints; a pattern JavaScript cannot read is not checked. */
function stringConstraints(shape: Shape, value: string, ownCheck?: OwnCheck): string[] {
  const broken: string[] = [];
  if (shape.enum && !shape.enum.includes(value))
    broken.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  const pattern = ownCheck ? undefined : shape.pattern;
  if (pattern !== undefined && wholeValuePattern(pattern)?.test(value) === false)
    broken.push(`Member must satisfy regular expression pattern: ${pattern}`);
  return [...broken, ...lengthConstraints(shape, value.length)];
}

/** Every constraint of a list's items, as IAM lists them when any item breaks one. */
function itemConstraints(shape: Shape): string {
  const all = [
    ...(shape.max === undefined
      ? []
      : [`Member must have length less than or equal to ${shape.max}`]),
    ...(shape.min === undefined
      ? []
      : [`Member must have length greater than or equal to ${shape.min}`]),
    ...(shape.pattern === undefined
      ? []
      : [`Member must satisfy regular expression pattern: ${shape.pattern}`]),
  ];
  return `Member must satisfy constraint: [${all.join(', ')}]`;
}

const wireName = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const isRecord = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value as the member's type reads it, or undefined when absent or of another type. */
function typed(shape: Shape, value: unknown): unknown {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'list':
      return Array.isArray(value) ? value : undefined;
    case 'structure':
    case 'map':
      return isRecord(value) ? value : undefined;
    default:
      return value ?? undefined;
  }
}

/** How a value is shown by a service that echoes it: as Java prints it. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

class InputChecker {
  readonly violations: string[] = [];
  readonly ownChecks: (() => AwsError | undefined)[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly echoesValues: boolean,
  ) {}

  structure(value: Params, shape: Shape, prefix: string, own: Operation['ownChecks'] = {}): void {
    const required = new Set(shape.required ?? []);
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const path = prefix + wireName(name);
      const ownCheck = own[name];
      this.member(path, shapeOf(this.model, ref), value[name], required.has(name), ownCheck);
    }
  }

  private report(path: string, shape: Shape, value: unknown, constraint: string): void {
    const echo = this.echoesValues && shape.sensitive !== true;
    const shownValue = value === undefined ? 'null' : `'${shown(value)}'`;
    this.violations.push(constraintViolation(path, constraint, echo ? shownValue : undefined));
  }

  private member(
    path: string,
    shape: Shape,
    raw: unknown,
    required: boolean,
    ownCheck?: OwnCheck,
  ): void {
    const value = typed(shape, raw);
    const report = (constraint: string) => {
      this.report(path, shape, value, constraint);
    };
    if (value === undefined) {
      if (required) report('Member must not be null');
      return;
    }
    if (typeof value === 'string') {
      const broken = stringConstraints(shape, value, ownCheck);
      broken.forEach(report);
      if (broken.length === 0 && ownCheck) this.ownChecks.push(() => ownCheck(value));
    } else if (typeof value === 'number') {
      if (shape.max !== undefined && value > shape.max)
        report(`Member must have value less than or equal to ${shape.max}`);
      if (shape.min !== undefined && value < shape.min)
        report(`Member must have value greater than or equal to ${shape.min}`);
    } else if (Array.isArray(value)) this.list(path, shape, value, report);
    else if (shape.type === 'structure' && isRecord(value))
      this.structure(value, shape, `${path}.`);
  }

  private list(path: string, shape: Shape, items: unknown[], report: (c: string) => void): void {
    lengthConstraints(shape, items.length).forEach(report);
    if (shape.member === undefined) return;
    const item = shapeOf(this.model, shape.member);
    if (item.type === 'string') {
      const broken = items.some(
        (value) => typeof value !== 'string' || stringConstraints(item, value).length > 0,
      );
      if (broken) report(itemConstraints(item));
    } else if (item.type === 'structure') {
      items.forEach((value, i) => {
        this.structure(isRecord(value) ? value : {}, item, `${path}.${i + 1}.member.`);
      });
    }
  }
}

/**
 * Throws the ValidationError AWS gives for parameters that break the operation's input shape in
 * its service's model: all model violations together first, else the first of the operation's
 * own checks that fails. Services that do not check the model this way (see above) pass.
 */
export function checkInput(
  operation: Pick<Operation, 'service' | 'name' | 'ownChecks'>,
  params: Params,
  models: Readonly<Record<string, ServiceModel>> = SERVICE_MODELS,
): void {
  const wording = VALIDATING_SERVICES[operation.service];
  const model = models[operation.service];
  const input = model?.operations[operation.name]?.input;
  if (wording === undefined || model === undefined || input === undefined) return;
  const checker = new InputChecker(model, wording.echoesValues);
  checker.structure(params, shapeOf(model, input), '', operation.ownChecks);
  if (checker.violations.length > 0) throw validationErrors(checker.violations);
  for (const check of checker.ownChecks) {
    const error = check();
    if (error) throw error;
  }
}

/** A string member of checked input (undefined when absent). */
export function text(params: Params, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** A required string member of checked input: checkInput has made sure it is there. */
export function requiredText(params: Params, name: string): string {
  return text(params, name) ?? '';
}

/** An integer member of checked input. */
export function integer(params: Params, name: string): number | undefined {
  const value = params[name];
  return typeof value === 'number' ? value : undefined;
}

/** A boolean member of checked input. */
export function flag(params: Params, name: string): boolean | undefined {
  const value = params[name];
  return typeof value === 'boolean' ? value : undefined;
}

/** A structure member (an object), or an empty one when it is absent. */
export function structure(params: Params, name: string): Record<string, unknown> {
  const value = params[name];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** A list-of-strings member of checked input. */
export function strings(params: Params, name: string): string[] | undefined {
  const value = params[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}
