// Mutants of a reference solution: each widens exactly one thing in one command's document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutantsOf } from '../../src/lessons/mutants.js';
import { tokenize } from '../../src/console/tokenize.js';

const POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: 'arn:aws:s3:::logs/*',
      Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    },
  ],
};

/** The JSON document among a command's words. */
function documentOf(command: string): unknown {
  const tokens = tokenize(command);
  if (tokens.kind !== 'tokens') throw new Error(tokens.message);
  const word = tokens.tokens.find((token) => token.value.startsWith('{'));
  return word && JSON.parse(word.value);
}

describe('mutantsOf', () => {
  const commands = [
    'aws iam create-user --user-name reader',
    `aws iam put-user-policy --user-name reader --policy-name logs --policy-document '${JSON.stringify(POLICY)}'`,
  ];

  it('widens the resource, drops the condition, widens the actions: one at a time', () => {
    const mutants = mutantsOf(commands);
    expect(mutants.map((mutant) => mutant.description)).toEqual([
      'command 2, statement 1: Resource widened to "*"',
      'command 2, statement 1: Condition dropped',
      'command 2, statement 1: Action widened to s3:*',
    ]);
    const [resource, condition, action] = mutants.map((mutant) =>
      documentOf(mutant.commands[1] ?? ''),
    );
    const statement = POLICY.Statement[0];
    expect(resource).toEqual({ ...POLICY, Statement: [{ ...statement, Resource: '*' }] });
    const withoutCondition: Record<string, unknown> = { ...statement };
    delete withoutCondition.Condition;
    expect(condition).toEqual({ ...POLICY, Statement: [withoutCondition] });
    expect(action).toEqual({ ...POLICY, Statement: [{ ...statement, Action: ['s3:*'] }] });
    for (const mutant of mutants) expect(mutant.commands[0]).toBe(commands[0]);
  });

  it('widens a trust policy principal to "*"', () => {
    const trust =
      '{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}}';
    const descriptions = mutantsOf([
      `aws iam create-role --role-name r --assume-role-policy-document '${trust}'`,
    ]).map((mutant) => mutant.description);
    expect(descriptions).toEqual([
      'command 1, statement 1: Action widened to sts:*',
      'command 1, statement 1: Principal widened to "*"',
    ]);
  });

  it('does not widen a Deny: that would deny more, never grant more', () => {
    const deny =
      '{"Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::logs/*"}]}';
    expect(mutantsOf([`aws iam put-user-policy --policy-document '${deny}'`])).toEqual([]);
  });

  it('leaves alone what is already as wide as it gets, and commands without documents', () => {
    const admin = '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
    expect(mutantsOf([`aws iam put-user-policy --policy-document '${admin}'`, 'whoami'])).toEqual(
      [],
    );
  });

  it('keeps every mutant a command the shell reads, whatever quotes the document holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (name) => {
        const policy = {
          Statement: [
            { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}` },
          ],
        };
        const quoted = `'${JSON.stringify(policy).replaceAll("'", `'\\''`)}'`;
        for (const mutant of mutantsOf([`aws iam put-user-policy --policy-document ${quoted}`])) {
          expect(documentOf(mutant.commands[0] ?? '')).toMatchObject({
            Statement: [expect.any(Object)],
          });
        }
      }),
    );
  });
});
