// Every document of the CreatePolicy corpus (test/fixtures/policy-validation.json, from moto's tests,
// Apache License 2.0): each invalid one gets exactly AWS's message, each valid one is accepted, both
// as JSON text and as an already-parsed value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/policy/validate.js';

interface Corpus {
  invalid: { document: unknown; error: string }[];
  valid: { Statement: unknown }[];
}

const corpus = JSON.parse(
  readFileSync(new URL('../fixtures/policy-validation.json', import.meta.url), 'utf8'),
) as Corpus;

/** The document as IAM receives it: a string is already text, anything else is serialised. */
const asText = (document: unknown) =>
  typeof document === 'string' ? document : JSON.stringify(document, null, 2);

describe('CreatePolicy rejects each invalid corpus document with its exact message', () => {
  for (const [index, { document, error }] of corpus.invalid.entries()) {
    it(`#${index}: ${error}`, () => {
      for (const input of [asText(document), document]) {
        const result = validatePolicy(input, 'managed');
        expect(result.ok ? 'accepted' : result.error).toMatchObject({
          code: 'MalformedPolicyDocument',
          message: error,
        });
      }
    });
  }
});

describe('CreatePolicy accepts each valid corpus document', () => {
  for (const [index, document] of corpus.valid.entries()) {
    const statements = Array.isArray(document.Statement) ? document.Statement.length : 1;
    it(`#${index}: ${String(statements)} statement(s)`, () => {
      for (const input of [asText(document), document]) {
        const result = validatePolicy(input, 'managed');
        expect(result.ok ? result.policy.statements.length : result.error).toBe(statements);
      }
    });
  }
});
