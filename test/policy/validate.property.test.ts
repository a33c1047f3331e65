// The validator answers every input without throwing, and it reads text and parsed values alike.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyKind, ValidationResult } from '../../src/policy/types.js';
import { validatePolicy } from '../../src/policy/validate.js';

const KINDS: PolicyKind[] = ['managed', 'inline', 'session', 'trust', 'resource', 'scp', 'rcp'];
const kind = fc.constantFrom(...KINDS);

const validDocuments = (
  JSON.parse(
    readFileSync(new URL('../fixtures/policy-validation.json', import.meta.url), 'utf8'),
  ) as { valid: unknown[] }
).valid;

/** A result in a form two readings of one document must agree on (positions only exist for text). */
function verdict(result: ValidationResult) {
  return result.ok
    ? { ok: true, policy: result.policy }
    : {
        ok: false,
        code: result.error.code,
        message: result.error.message,
        path: result.error.path,
      };
}

function isWellFormed(result: ValidationResult): boolean {
  if (result.ok) return result.policy.statements.length > 0;
  const { code, message, path } = result.error;
  return (
    ['MalformedPolicyDocument', 'LimitExceeded'].includes(code) &&
    message !== '' &&
    path.startsWith('$')
  );
}

/** Valid policies with one element replaced, added or removed somewhere: near misses of the grammar. */
const mutatedPolicy = fc
  .tuple(
    fc.constantFrom(...validDocuments),
    fc.nat(),
    fc.jsonValue(),
    fc.constantFrom('replace', 'add', 'remove'),
  )
  .map(([document, seed, value, mutation]) => {
    const copy = JSON.parse(JSON.stringify(document)) as unknown;
    const containers: (Record<string, unknown> | unknown[])[] = [];
    const collect = (node: unknown) => {
      if (node !== null && typeof node === 'object') {
        containers.push(node as Record<string, unknown>);
        Object.values(node).forEach(collect);
      }
    };
    collect(copy);
    const target = containers[seed % containers.length] as Record<string, unknown>;
    const keys = Object.keys(target);
    const key = keys[seed % Math.max(1, keys.length)] ?? 'Extra';
    if (mutation === 'replace') target[key] = value;
    else if (mutation === 'add')
      target[Array.isArray(target) ? String(keys.length) : `${key}x`] = value;
    else if (Array.isArray(target)) target.splice(Number(key), 1);
    else Reflect.deleteProperty(target, key);
    return copy;
  });

describe('the validator never throws, it answers', () => {
  it('for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json()),
        kind,
        (text, k) => {
          expect(isWellFormed(validatePolicy(text, k))).toBe(true);
        },
      ),
    );
  });

  it('for any JSON value, as a value and as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), kind, (value, k) => {
        expect(isWellFormed(validatePolicy(value, k))).toBe(true);
        expect(isWellFormed(validatePolicy(JSON.stringify(value), k))).toBe(true);
      }),
    );
  });

  it('for near misses of valid policies', () => {
    fc.assert(
      fc.property(mutatedPolicy, kind, (document, k) => {
        expect(isWellFormed(validatePolicy(document, k))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('for values JSON cannot express, cycles, __proto__ keys and hostile objects', () => {
    const cyclic: Record<string, unknown> = { Version: '2012-10-17' };
    cyclic.Statement = [cyclic];
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      Number.NaN,
      10n,
      Symbol('x'),
      () => 1,
      new Date(0),
      new Map(),
      [],
      cyclic,
      JSON.parse('{"__proto__": {"Version": "2012-10-17"}, "Statement": []}'),
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Action: ['s3:*', undefined], Resource: '*' },
      },
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('hostile');
          },
        },
      ),
      Object.defineProperty({}, 'Version', {
        enumerable: true,
        get: () => {
          throw new Error('hostile');
        },
      }),
    ];
    for (const input of inputs) {
      for (const k of KINDS) {
        const result = validatePolicy(input, k);
        expect(isWellFormed(result) && !result.ok).toBe(true);
      }
    }
  });

  it('for deep nesting and huge documents', () => {
    let deep: unknown = 's3:*';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const statement = { Effect: 'Allow', Action: deep, Resource: '*' };
    expect(verdict(validatePolicy({ Statement: statement }, 'inline'))).toMatchObject({
      message: 'Syntax errors in policy.',
      path: '$.Statement.Action[0]',
    });
    expect(validatePolicy('['.repeat(1_000_000), 'inline').ok).toBe(false);
    const huge = {
      Statement: Array.from({ length: 20_000 }, () => ({
        Effect: 'Allow',
        Action: 's3:*',
        Resource: '*',
      })),
    };
    expect(validatePolicy(JSON.stringify(huge), 'inline').ok).toBe(true);
  });
});

describe('text and parsed values are read alike', () => {
  it('a JSON value and its JSON text get the same answer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutatedPolicy), kind, (value, k) => {
        expect(verdict(validatePolicy(JSON.stringify(value), k))).toEqual(
          verdict(validatePolicy(value, k)),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('text JSON.parse refuses is a syntax error at $; text it reads is judged as what it reads', () => {
    // JSON text with a little inserted somewhere, punctuation most often: `[1,]`, `{"a" 1}`, ...
    const insertion = fc.oneof(
      fc.constantFrom(',', ':', '[', ']', '{', '}', '"', '-', '.', 'e', '\\', '/', ' '),
      fc.string({ maxLength: 2 }),
    );
    const nearJson = fc.tuple(fc.json(), fc.nat(), insertion).map(([text, at, insert]) => {
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + insert + text.slice(cut);
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), nearJson), (text) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          expect(verdict(validatePolicy(text, 'inline'))).toMatchObject({
            message: 'Syntax errors in policy.',
            path: '$',
          });
          return;
        }
        const fromText = verdict(validatePolicy(text, 'inline'));
        const fromValue = verdict(validatePolicy(parsed, 'inline'));
        // Numbers keep their written form in text ("1.0"), so compare the verdicts, not the policies.
        expect([fromText.ok, fromText.ok ? '' : fromText.path]).toEqual([
          fromValue.ok,
          fromValue.ok ? '' : fromValue.path,
        ]);
      }),
      { numRuns: 1000 },
    );
  });

  it('whitespace between tokens changes nothing but positions for IAM kinds', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...validDocuments), mutatedPolicy),
        fc.nat(8),
        (document, indent) => {
          const compact = verdict(validatePolicy(JSON.stringify(document), 'managed'));
          expect(
            verdict(validatePolicy(JSON.stringify(document, null, indent), 'managed')),
          ).toEqual(compact);
        },
      ),
      { numRuns: 300 },
    );
  });
});
