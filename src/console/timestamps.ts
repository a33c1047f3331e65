// Timestamps as the AWS CLI v2 prints them: botocore parses the wire value into a UTC datetime
// and the CLI's default `cli_timestamp_format = iso8601` prints Python's isoformat()
// (awscli/customizations/timestampformat.py): `2026-11-30T10:00:00+00:00`, with microseconds
// only when there are some. The world may return a Date, an ISO 8601 string or epoch seconds;
// the output shape says which members are timestamps, and this is the one place they are converted
// (before --query, as in the CLI, so queries compare the printed form).
import { shapeOf, type MemberRef, type ServiceModel, type Shape } from '../aws/models/model.js';

/** Python's datetime.isoformat() of a UTC instant. */
export function isoformatUtc(date: Date): string {
  const text = date.toISOString();
  const base = text.slice(0, 19);
  const millis = date.getUTCMilliseconds();
  return millis === 0 ? `${base}+00:00` : `${base}.${String(millis * 1000).padStart(6, '0')}+00:00`;
}

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value === 'string') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? undefined : new Date(time);
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function convert(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (shape.type === 'timestamp') {
    const date = toDate(value);
    return date === undefined ? value : isoformatUtc(date);
  }
  if (shape.type === 'list' && Array.isArray(value) && shape.member !== undefined) {
    const member = shapeOf(model, shape.member);
    return value.map((item) => convert(model, member, item));
  }
  if (shape.type === 'map' && isRecord(value) && shape.value !== undefined) {
    const valueShape = shapeOf(model, shape.value);
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, convert(model, valueShape, v)]),
    );
  }
  if (shape.type === 'structure' && isRecord(value)) {
    const members = shape.members ?? {};
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const ref = members[k];
        return [k, ref === undefined ? v : convert(model, shapeOf(model, ref), v)];
      }),
    );
  }
  return value;
}

/** The response with its timestamps (found through the output shape) in the CLI's format. */
export function withCliTimestamps(
  model: ServiceModel,
  output: MemberRef | undefined,
  response: Record<string, unknown>,
): Record<string, unknown> {
  if (output === undefined) return response;
  const converted = convert(model, shapeOf(model, output), response);
  return isRecord(converted) ? converted : response;
}
