// Checks a value the console printed against an operation's output shape in AWS's own service
// model (src/aws/models/, extracted from AWS's models by scripts/extract-aws-models.mjs): every
// key must be a member of its structure, every value of its shape's type, every required member
// present. The model is AWS's, not the simulator's, so a misspelled member, a field AWS never
// returns or a number printed as a string is reported here.
import { shapeOf, type ServiceModel, type Shape } from '../../src/aws/models/model.js';

/** Python's datetime.isoformat() of a UTC datetime, which the AWS CLI v2 prints by default. */
const CLI_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/;

const POLICY_DOCUMENT = 'policyDocumentType';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeProblem(shape: Shape, value: unknown): string | undefined {
  switch (shape.type) {
    case 'structure':
    case 'map':
      return isRecord(value) ? undefined : 'an object';
    case 'list':
      return Array.isArray(value) ? undefined : 'an array';
    case 'string':
    case 'blob':
      return typeof value === 'string' ? undefined : 'a string';
    case 'timestamp':
      return typeof value === 'string' && CLI_TIMESTAMP.test(value)
        ? undefined
        : 'a timestamp as the CLI prints it (2026-11-30T10:00:00+00:00)';
    case 'integer':
    case 'long':
      return Number.isInteger(value) ? undefined : 'an integer';
    case 'float':
    case 'double':
      return typeof value === 'number' ? undefined : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'a boolean';
  }
}

function check(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  path: string,
  problems: string[],
  optional: ReadonlySet<string>,
): void {
  const shape = shapeOf(model, { shape: shapeName });
  // The CLI prints IAM's policy documents decoded: botocore's json_decode_policies (handlers.py,
  // after-call.iam) URL-decodes and parses every `policyDocumentType` string.
  if (shapeName === POLICY_DOCUMENT && isRecord(value)) return;
  const expected = typeProblem(shape, value);
  if (expected !== undefined) {
    problems.push(`${path}: ${JSON.stringify(value)} is not ${expected} (${shapeName})`);
    return;
  }
  if (shape.type === 'string' && shape.enum !== undefined && !shape.enum.includes(String(value))) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}`);
  }
  if (shape.type === 'list' && shape.member !== undefined) {
    const member = shape.member.shape;
    (value as unknown[]).forEach((item, index) => {
      check(model, member, item, `${path}[${index}]`, problems, new Set());
    });
  }
  if (shape.type === 'map' && shape.value !== undefined) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      check(model, shape.value.shape, item, `${path}.${key}`, problems, new Set());
  }
  if (shape.type === 'structure') {
    const record = value as Record<string, unknown>;
    const members = shape.members ?? {};
    for (const [key, item] of Object.entries(record)) {
      const ref = members[key];
      if (ref === undefined) {
        problems.push(`${path}.${key}: not a member of ${shapeName}`);
      } else {
        check(model, ref.shape, item, `${path}.${key}`, problems, new Set());
      }
    }
    for (const required of shape.required ?? []) {
      if (!(required in record) && !optional.has(required))
        problems.push(`${path}.${required}: required by ${shapeName}, missing`);
    }
  }
}

/**
 * What is wrong with `value` as the output of `operation` (none: `[]`). `alsoRequired` are
 * top-level members AWS returns every time though the model does not mark them required;
 * `notRequired` are required top-level members the printed value may lack (the CLI drops the
 * service's paging tokens when it joins pages).
 */
export function outputShapeProblems(
  model: ServiceModel,
  operation: string,
  value: unknown,
  alsoRequired: readonly string[] = [],
  notRequired: readonly string[] = [],
): string[] {
  const output = model.operations[operation]?.output;
  if (output === undefined) {
    return value === undefined ? [] : [`${operation} has no output, yet printed something`];
  }
  const problems: string[] = [];
  check(model, output.shape, value ?? {}, operation, problems, new Set(notRequired));
  const record = isRecord(value) ? value : {};
  for (const member of alsoRequired) {
    if (!(member in record))
      problems.push(`${operation}.${member}: AWS always returns it, missing`);
  }
  return problems;
}
