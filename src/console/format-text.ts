// `--output text`, ported from awscli/text.py: scalars of a structure on one tab-separated line
// (keys sorted, prefixed by the upper-cased name of the list or structure they sit in), nested
// lists and structures on lines of their own. Values print as Python's str() (`True`, `None`).
import { pythonStr } from './python-repr.js';

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: Json): boolean {
  return !Array.isArray(value) && !isRecord(value);
}

function sortedKeys(record: Record<string, Json>): string[] {
  return Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

class TextWriter {
  out = '';

  format(item: Json, identifier?: string, scalarKeys?: readonly string[]): void {
    if (isRecord(item)) this.dict(item, identifier, scalarKeys);
    else if (Array.isArray(item)) this.list(item, identifier);
    else this.out += `${pythonStr(item)}\n`;
  }

  private list(items: Json[], identifier: string | undefined): void {
    if (items.length === 0) return;
    if (items.some(isRecord)) {
      // One header for all the structures in the list: every scalar key any of them has.
      const keys = new Set<string>();
      for (const item of items) {
        if (isRecord(item))
          for (const [key, value] of Object.entries(item)) if (isScalar(value)) keys.add(key);
      }
      const allKeys = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const item of items) this.format(item, identifier, allKeys);
    } else if (items.some(Array.isArray)) {
      const scalars = items.filter(isScalar);
      if (scalars.length > 0) this.scalarList(scalars, identifier);
      for (const item of items.filter((value) => !isScalar(value))) this.format(item, identifier);
    } else this.scalarList(items, identifier);
  }

  private scalarList(items: Json[], identifier: string | undefined): void {
    if (identifier !== undefined) {
      for (const item of items) this.out += `${identifier.toUpperCase()}\t${pythonStr(item)}\n`;
    } else this.out += `${items.map(pythonStr).join('\t')}\n`;
  }

  private dict(
    item: Record<string, Json>,
    identifier: string | undefined,
    scalarKeys?: readonly string[],
  ): void {
    const scalars: string[] = [];
    const nonScalars: [string, Json][] = [];
    if (scalarKeys === undefined) {
      for (const key of sortedKeys(item)) {
        const value = item[key];
        if (isScalar(value)) scalars.push(pythonStr(value));
        else nonScalars.push([key, value]);
      }
    } else {
      for (const key of scalarKeys)
        scalars.push(Object.hasOwn(item, key) ? pythonStr(item[key]) : '');
      for (const key of sortedKeys(item))
        if (!scalarKeys.includes(key)) nonScalars.push([key, item[key]]);
    }
    if (scalars.length > 0) {
      if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
      this.out += `${scalars.join('\t')}\n`;
    }
    for (const [key, value] of nonScalars) this.format(value, key);
  }
}

/** The text the AWS CLI prints for `value` with `--output text`. */
export function formatText(value: Json): string {
  const writer = new TextWriter();
  writer.format(value);
  return writer.out;
}
