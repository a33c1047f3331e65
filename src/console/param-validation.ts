// The AWS CLI's own check of the parameters before it sends anything, with its messages:
// botocore's ParamValidator (botocore/validate.py). It checks types, required members, unknown
// members, and minimum lengths and values; maximums and patterns are left to the service
// (the same model's constraints, checked by the service: src/aws/input.ts).
import { shapeOf, type MemberRef, type ServiceModel, type Shape } from '../aws/models/model.js';
import { pythonStr, pythonTypeName } from './python-repr.js';

const VALID_TYPES: Readonly<Record<string, string>> = {
  structure: "<class 'dict'>",
  map: "<class 'dict'>",
  list: "<class 'list'>, <class 'tuple'>",
  string: "<class 'str'>",
  integer: "<class 'int'>",
  long: "<class 'int'>",
  boolean: "<class 'bool'>",
  float: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  timestamp: "<class 'datetime.datetime'>, timestamp-string",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** botocore's parse_to_aware_datetime accepts epoch numbers and date strings. */
function isTimestamp(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value));
}

/** Python's isinstance check for the shape's type (bool counts as int, as in Python). */
function hasValidType(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case 'structure':
    case 'map':
      return isRecord(value);
    case 'list':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
    case 'long':
      return typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value));
    case 'float':
    case 'double':
      return typeof value === 'number' || typeof value === 'boolean';
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
      return isTimestamp(value);
    case 'blob':
      return typeof value === 'string';
  }
}

class Validator {
  readonly errors: string[] = [];

  constructor(private readonly model: ServiceModel) {}

  private static display(name: string): string {
    if (name === '') return 'input';
    return name.startsWith('.') ? name.slice(1) : name;
  }

  validate(value: unknown, shape: Shape, name: string, ref?: MemberRef): void {
    if (!hasValidType(value, shape)) {
      this.errors.push(
        `Invalid type for parameter ${Validator.display(name)}, value: ${pythonStr(value)}, ` +
          `type: ${pythonTypeName(value)}, valid types: ${VALID_TYPES[shape.type] ?? ''}`,
      );
      return;
    }
    if (shape.type === 'structure' && isRecord(value)) this.structure(value, shape, name);
    else if (shape.type === 'list' && Array.isArray(value)) {
      this.minimum(value.length, shape, name, 'length', ref);
      const member = shape.member;
      if (member !== undefined) {
        value.forEach((item, index) => {
          this.validate(item, shapeOf(this.model, member), `${name}[${index}]`, member);
        });
      }
    } else if (shape.type === 'map' && isRecord(value)) this.map(value, shape, name);
    else if (typeof value === 'string' && shape.type === 'string') {
      this.minimum(value.length, shape, name, 'length', ref);
    } else if (typeof value === 'number' && shape.type !== 'timestamp') {
      this.minimum(value, shape, name, 'value', ref);
    }
  }

  private structure(value: Record<string, unknown>, shape: Shape, name: string): void {
    const members = shape.members ?? {};
    for (const required of shape.required ?? []) {
      if (!Object.hasOwn(value, required)) {
        this.errors.push(`Missing required parameter in ${Validator.display(name)}: "${required}"`);
      }
    }
    const known: string[] = [];
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(members, key)) known.push(key);
      else {
        this.errors.push(
          `Unknown parameter in ${Validator.display(name)}: "${key}", must be one of: ${Object.keys(members).join(', ')}`,
        );
      }
    }
    for (const key of known) {
      const ref = members[key];
      if (ref !== undefined)
        this.validate(value[key], shapeOf(this.model, ref), `${name}.${key}`, ref);
    }
  }

  private map(value: Record<string, unknown>, shape: Shape, name: string): void {
    const { key: keyRef, value: valueRef } = shape;
    if (keyRef === undefined || valueRef === undefined) return;
    for (const [key, item] of Object.entries(value)) {
      this.validate(key, shapeOf(this.model, keyRef), `${name} (key: ${key})`, keyRef);
      this.validate(item, shapeOf(this.model, valueRef), `${name}.${key}`, valueRef);
    }
  }

  /** botocore's range_check: only the minimum; a host label must not be empty. */
  private minimum(
    measured: number,
    shape: Shape,
    name: string,
    what: 'length' | 'value',
    ref: MemberRef | undefined,
  ): void {
    const min = shape.min ?? (ref?.hostLabel === true ? 1 : undefined);
    if (min === undefined || measured >= min) return;
    this.errors.push(
      what === 'length'
        ? `Invalid length for parameter ${Validator.display(name)}, value: ${measured}, valid min length: ${min}`
        : `Invalid value for parameter ${Validator.display(name)}, value: ${measured}, valid min value: ${min}`,
    );
  }
}

/** The lines botocore reports for `params` against the input shape; empty when they are valid. */
export function clientValidationErrors(
  model: ServiceModel,
  input: Shape,
  params: Record<string, unknown>,
): string[] {
  const validator = new Validator(model);
  validator.validate(params, input, '');
  return validator.errors;
}
