// The input constraints of AWS's service models (required members, string lengths and patterns,
// number ranges, enums, list lengths), checked before the request is authorized: AWS answers a
// ValidationError for a malformed request whatever the caller may do. All broken constraints are
// reported together, in IAM's current wording, which no longer echoes the value:
//   `2 validation errors detected: Value at 'userName' failed to satisfy constraint: Member must
//   satisfy regular expression pattern: [\w+=,.@-]+; Value at 'userName' failed to ...`
// (recorded AWS answers in localstack/localstack tests/aws/services/iam/*.snapshot.json).
// Members are named as on the wire: the API member with its first letter in lower case
// (`UserName` -> `userName`, `ClientIDList` -> `clientIDList`); list items are `tags.1.member.key`.
import { constraintViolation, validationErrors, type AwsError } from './errors.js';
import type { Params } from './operation.js';

export interface StringRule {
  type: 'string';
  min?: number;
  max?: number;
  /** The model's pattern, printed as the model writes it; it must match the whole value. */
  pattern?: string;
  enum?: readonly string[];
  /**
   * A service's own check with its own error, run once every model constraint of the request
   * holds (IAM's path rule: `The specified value for path is invalid. ...`).
   */
  check?: (value: string) => AwsError | undefined;
}

export interface IntegerRule {
  type: 'integer';
  min?: number;
  max?: number;
}

export interface BooleanRule {
  type: 'boolean';
}

export interface StringListRule {
  type: 'list';
  max?: number;
  member: StringRule;
}

/** A list of structures whose members are strings, such as `Tags: [{Key, Value}]`. */
export interface StructureListRule {
  type: 'structures';
  max?: number;
  members: Readonly<Record<string, Member>>;
}

export type Rule = StringRule | IntegerRule | BooleanRule | StringListRule | StructureListRule;

export interface Member {
  rule: Rule;
  required?: boolean;
}

/** An operation's input members, in the model's order (which is the order errors are listed). */
export type InputSpec = Readonly<Record<string, Member>>;

export const required = (rule: Rule): Member => ({ rule, required: true });
export const optional = (rule: Rule): Member => ({ rule });

const patterns = new Map<string, RegExp>();

function matchesWhole(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    patterns.set(pattern, regex);
  }
  return regex.test(value);
}

function lengthConstraints(rule: { min?: number; max?: number }, length: number): string[] {
  const broken: string[] = [];
  if (rule.max !== undefined && length > rule.max)
    broken.push(`Member must have length less than or equal to ${rule.max}`);
  if (rule.min !== undefined && length < rule.min)
    broken.push(`Member must have length greater than or equal to ${rule.min}`);
  return broken;
}

function stringConstraints(rule: StringRule, value: string): string[] {
  const broken: string[] = [];
  if (rule.enum && !rule.enum.includes(value))
    broken.push(`Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
  if (rule.pattern !== undefined && !matchesWhole(rule.pattern, value))
    broken.push(`Member must satisfy regular expression pattern: ${rule.pattern}`);
  return [...broken, ...lengthConstraints(rule, value.length)];
}

/** Every constraint of a list's items, as IAM lists them when any item breaks one. */
function itemConstraints(rule: StringRule): string {
  const all = [
    ...(rule.max === undefined
      ? []
      : [`Member must have length less than or equal to ${rule.max}`]),
    ...(rule.min === undefined
      ? []
      : [`Member must have length greater than or equal to ${rule.min}`]),
    ...(rule.pattern === undefined
      ? []
      : [`Member must satisfy regular expression pattern: ${rule.pattern}`]),
  ];
  return `Member must satisfy constraint: [${all.join(', ')}]`;
}

const wireName = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** The value as the member's type reads it, or undefined when absent or of another type. */
function typed(rule: Rule, value: unknown): unknown {
  switch (rule.type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'list':
    case 'structures':
      return Array.isArray(value) ? value : undefined;
  }
}

interface Found {
  violations: string[];
  checks: (() => AwsError | undefined)[];
}

function checkMember(path: string, member: Member, raw: unknown, found: Found): void {
  const { rule } = member;
  const value = typed(rule, raw);
  const report = (constraint: string) =>
    found.violations.push(constraintViolation(path, constraint));
  if (value === undefined) {
    if (member.required) report('Member must not be null');
    return;
  }
  switch (rule.type) {
    case 'string': {
      const text = value as string;
      const broken = stringConstraints(rule, text);
      broken.forEach(report);
      const { check } = rule;
      if (broken.length === 0 && check) found.checks.push(() => check(text));
      return;
    }
    case 'integer': {
      const n = value as number;
      if (rule.max !== undefined && n > rule.max)
        report(`Member must have value less than or equal to ${rule.max}`);
      if (rule.min !== undefined && n < rule.min)
        report(`Member must have value greater than or equal to ${rule.min}`);
      return;
    }
    case 'boolean':
      return;
    case 'list': {
      const items = value as unknown[];
      lengthConstraints(rule, items.length).forEach(report);
      const itemBroken = items.some(
        (item) => typeof item !== 'string' || stringConstraints(rule.member, item).length > 0,
      );
      if (itemBroken) report(itemConstraints(rule.member));
      return;
    }
    case 'structures': {
      const items = value as unknown[];
      lengthConstraints(rule, items.length).forEach(report);
      items.forEach((item, i) => {
        const fields = typeof item === 'object' && item !== null ? (item as Params) : {};
        for (const [name, field] of Object.entries(rule.members))
          checkMember(`${path}.${i + 1}.member.${wireName(name)}`, field, fields[name], found);
      });
      return;
    }
  }
}

/**
 * Throws the ValidationError AWS gives for parameters that break the operation's model: all
 * model violations together first, else the first service-specific check that fails.
 */
export function checkInput(spec: InputSpec, params: Params): void {
  const found: Found = { violations: [], checks: [] };
  for (const [name, member] of Object.entries(spec))
    checkMember(wireName(name), member, params[name], found);
  if (found.violations.length > 0) throw validationErrors(found.violations);
  for (const check of found.checks) {
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
