// JSON read the way the AWS CLI reads it (Python's json.loads), with Python's error messages:
// every case in fixtures/parser-cases.json was recorded from CPython 3.11 on Debian 12.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePythonJson } from '../../src/console/python-json.js';
import cases from './fixtures/parser-cases.json' with { type: 'json' };

describe('parsePythonJson', () => {
  it.each(cases.json.map((c) => [c.input, c] as const))('%j as Python reads it', (input, c) => {
    const result = parsePythonJson(input);
    if ('error' in c) expect(result).toEqual({ ok: false, message: c.error });
    else expect(result).toEqual({ ok: true, value: c.parsed });
  });

  it('reads what JSON.stringify writes, as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parsePythonJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
      }),
    );
  });

  it('never throws, and rejects what JSON.parse rejects (Python extras aside)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parsePythonJson(text);
        if (/NaN|Infinity/.test(text)) return;
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(result.ok).toBe(valid);
      }),
    );
  });

  it('answers very deep nesting with a message instead of a crash', () => {
    expect(parsePythonJson('['.repeat(100_000)).ok).toBe(false);
  });
});
