// What the service itself says when a request breaks the model's constraints (maximum lengths,
// patterns, enums, ranges), which the AWS CLI does not check: AWS's generic validation message,
// e.g. for CreateUser with a 65-character name
//   1 validation error detected: Value '...' at 'userName' failed to satisfy constraint: Member
//   must have length less than or equal to 64
// The world decides the error code (IAM and STS: ValidationError; Roles Anywhere:
// ValidationException) and prints it as `An error occurred (ValidationError) when calling the
// CreateUser operation: <message>`. Members are named as the service names them (lower camel
// case, `tags.1.member.key` inside lists, 1-based); sensitive values are not repeated.
import { shapeOf, type ServiceModel, type Shape } from './model.js';
import { SERVICE_MODELS } from './models.js';

const compiled = new Map<string, RegExp | undefined>();

/** The model's pattern (Java syntax) as a whole-value JavaScript regex, when JavaScript can read it. */
function patternRegex(pattern: string): RegExp | undefined {
  if (!compiled.has(pattern)) {
    let regex: RegExp | undefined;
    for (const flags of ['u', '']) {
      try {
        regex = new RegExp(`^(?:${pattern})$`, flags);
        break;
      } catch {
        regex = undefined;
      }
    }
    compiled.set(pattern, regex);
  }
  return compiled.get(pattern);
}

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How the service shows a value: strings as they are, lists as Java prints them. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

class ConstraintChecker {
  readonly violations: string[] = [];

  constructor(private readonly model: ServiceModel) {}

  private violation(value: unknown, shape: Shape, path: string, constraint: string): void {
    const subject = shape.sensitive === true ? 'Value' : `Value '${shown(value)}'`;
    this.violations.push(
      `${subject} at '${path}' failed to satisfy constraint: Member ${constraint}`,
    );
  }

  check(value: unknown, shape: Shape, path: string): void {
    if (shape.type === 'structure' && isRecord(value)) this.structure(value, shape, path);
    else if (shape.type === 'list' && Array.isArray(value)) {
      this.length(value, value.length, shape, path);
      const member = shape.member;
      if (member === undefined) return;
      value.forEach((item, index) => {
        this.check(item, shapeOf(this.model, member), `${path}.${index + 1}.member`);
      });
    } else if (shape.type === 'map' && isRecord(value) && shape.value !== undefined) {
      const valueShape = shapeOf(this.model, shape.value);
      for (const [key, item] of Object.entries(value))
        this.check(item, valueShape, `${path}.${key}`);
    } else if (typeof value === 'string') this.string(value, shape, path);
    else if (typeof value === 'number') this.number(value, shape, path);
  }

  private structure(value: Record<string, unknown>, shape: Shape, path: string): void {
    const prefix = path === '' ? '' : `${path}.`;
    const required = new Set(shape.required ?? []);
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const member = value[name];
      const memberPath = prefix + lowerCamel(name);
      if (member === undefined || member === null) {
        if (required.has(name)) {
          this.violations.push(
            `Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`,
          );
        }
      } else this.check(member, shapeOf(this.model, ref), memberPath);
    }
  }

  private length(value: unknown, length: number, shape: Shape, path: string): void {
    if (shape.min !== undefined && length < shape.min) {
      this.violation(value, shape, path, `must have length greater than or equal to ${shape.min}`);
    }
    if (shape.max !== undefined && length > shape.max) {
      this.violation(value, shape, path, `must have length less than or equal to ${shape.max}`);
    }
  }

  private string(value: string, shape: Shape, path: string): void {
    if (shape.type !== 'string') return;
    // Java counts UTF-16 units, as JavaScript does.
    this.length(value, value.length, shape, path);
    const regex = shape.pattern === undefined ? undefined : patternRegex(shape.pattern);
    if (shape.pattern !== undefined && regex !== undefined && !regex.test(value)) {
      this.violation(
        value,
        shape,
        path,
        `must satisfy regular expression pattern: ${shape.pattern}`,
      );
    }
    if (shape.enum !== undefined && !shape.enum.includes(value)) {
      this.violation(value, shape, path, `must satisfy enum value set: [${shape.enum.join(', ')}]`);
    }
  }

  private number(value: number, shape: Shape, path: string): void {
    if (shape.min !== undefined && value < shape.min) {
      this.violation(value, shape, path, `must have value greater than or equal to ${shape.min}`);
    }
    if (shape.max !== undefined && value > shape.max) {
      this.violation(value, shape, path, `must have value less than or equal to ${shape.max}`);
    }
  }
}

/**
 * The service's validation message for `params` of `operation`, or undefined when they satisfy
 * every constraint of the model. `service` is botocore's name (`iam`, `sts`, `s3`...).
 */
export function serviceValidationMessage(
  service: string,
  operation: string,
  params: Readonly<Record<string, unknown>>,
  models: Readonly<Record<string, ServiceModel>> = SERVICE_MODELS,
): string | undefined {
  const model = models[service];
  const input = model?.operations[operation]?.input;
  if (model === undefined || input === undefined) return undefined;
  const checker = new ConstraintChecker(model);
  checker.check(params, shapeOf(model, input), '');
  const count = checker.violations.length;
  if (count === 0) return undefined;
  const detected =
    count === 1 ? '1 validation error detected' : `${count} validation errors detected`;
  return `${detected}: ${checker.violations.join('; ')}`;
}
