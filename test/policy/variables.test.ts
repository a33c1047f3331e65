// Policy variables (reference_policies_variables).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexContext } from '../../src/policy/context.js';
import { policyGlob, substituteVariables } from '../../src/policy/variables.js';
import { globMatch } from '../../src/policy/wildcard.js';

const context = indexContext({
  'aws:username': 'alice',
  'aws:PrincipalTag/team': 'red*team?',
  'aws:TagKeys': ['a', 'b'],
  'aws:userid': '',
});

/** Whether a policy string, as a glob, matches a value (how Resource and StringLike use it). */
function globFor(text: string, value: string): boolean | undefined {
  const glob = policyGlob(text, context, '2012-10-17');
  return glob === undefined ? undefined : globMatch(glob, value, false);
}

describe('substituteVariables (reference_policies_variables)', () => {
  it('replaces ${key} by the request value, with key names case-insensitive', () => {
    expect(substituteVariables('home/${aws:username}/', context, '2012-10-17')).toBe('home/alice/');
    expect(substituteVariables('home/${AWS:UserName}/', context, '2012-10-17')).toBe('home/alice/');
    expect(substituteVariables('${aws:username}-${aws:username}', context, '2012-10-17')).toBe(
      'alice-alice',
    );
  });

  it('uses the default of ${key, \'default\'} when the key is missing ("Specifying default values")', () => {
    expect(substituteVariables("${aws:SourceIdentity, 'anonymous'}", context, '2012-10-17')).toBe(
      'anonymous',
    );
    expect(substituteVariables("${aws:username, 'anonymous'}", context, '2012-10-17')).toBe(
      'alice',
    );
    // The default is taken up to its closing quote, so it may contain braces and commas.
    expect(substituteVariables("x${aws:nothing, 'a}, b'}y", context, '2012-10-17')).toBe('xa}, by');
    expect(substituteVariables("${aws:nothing,''}", context, '2012-10-17')).toBe('');
  });

  it('resolves an empty request value to the empty string, not to the default', () => {
    expect(substituteVariables("home/${aws:userid, 'x'}", context, '2012-10-17')).toBe('home/');
  });

  it('cannot resolve a missing key without default, nor a multivalued key', () => {
    // "any attempt to match it fails" (Principal key values); multivalued keys cannot be variables
    // (reference_policies_condition-single-vs-multi-valued-context-keys, "Key points").
    expect(substituteVariables('${aws:SourceIdentity}', context, '2012-10-17')).toBeUndefined();
    expect(substituteVariables('ok ${aws:TagKeys}', context, '2012-10-17')).toBeUndefined();
    expect(substituteVariables("${aws:TagKeys, 'none'}", context, '2012-10-17')).toBe('none');
    // Key names are looked up in the request only, never among an object's own properties.
    expect(substituteVariables('${constructor}', context, '2012-10-17')).toBeUndefined();
    expect(substituteVariables('${toString}', context, '2012-10-17')).toBeUndefined();
  });

  it('turns ${*} ${?} ${$} into the literal characters ("Special characters")', () => {
    expect(substituteVariables('a${*}b${?}c${$}d', context, '2012-10-17')).toBe('a*b?c$d');
  });

  it('treats variables as literal text in Version 2008-10-17', () => {
    expect(substituteVariables('home/${aws:username}', context, '2008-10-17')).toBe(
      'home/${aws:username}',
    );
    expect(substituteVariables('${aws:missing}', context, '2008-10-17')).toBe('${aws:missing}');
  });

  it('leaves text that only looks like a variable as it is', () => {
    for (const text of [
      '${aws:username',
      '$aws:username',
      '${}',
      '${aws:x, default}',
      "${ , 'd'}",
    ]) {
      expect(substituteVariables(text, context, '2012-10-17')).toBe(text);
    }
  });
});

describe('policyGlob (reference_policies_variables)', () => {
  it("keeps the policy's own * and ? as wildcards", () => {
    expect(
      globFor('arn:aws:s3:::bucket/${aws:username}/*', 'arn:aws:s3:::bucket/alice/notes.txt'),
    ).toBe(true);
    expect(
      globFor('arn:aws:s3:::bucket/${aws:username}/*', 'arn:aws:s3:::bucket/bob/notes.txt'),
    ).toBe(false);
    expect(globFor('t?.*', 't2.micro')).toBe(true);
  });

  it('makes the wildcard characters of a substituted value match only themselves', () => {
    // The tag value is `red*team?`: its * and ? are data, not wildcards.
    expect(globFor('team/${aws:PrincipalTag/team}', 'team/red*team?')).toBe(true);
    expect(globFor('team/${aws:PrincipalTag/team}', 'team/red-and-blue-teams')).toBe(false);
    expect(globFor("x/${aws:missing, 'a*'}", 'x/a*')).toBe(true);
    expect(globFor("x/${aws:missing, 'a*'}", 'x/abc')).toBe(false);
  });

  it('makes ${*} and ${?} literal characters, not wildcards', () => {
    expect(globFor('file${*}name', 'file*name')).toBe(true);
    expect(globFor('file${*}name', 'file-long-name')).toBe(false);
    expect(globFor('what${?}', 'what?')).toBe(true);
    expect(globFor('what${?}', 'whatX')).toBe(false);
  });

  it('reads a backslash in the policy as a plain character', () => {
    expect(globFor('C:\\dir\\*', 'C:\\dir\\file')).toBe(true);
    expect(policyGlob('a\\*', context, '2008-10-17')).toBe('a\\\\*');
  });

  it('is undefined when a variable cannot be resolved, so the element matches nothing', () => {
    expect(
      policyGlob('arn:aws:s3:::bucket/${aws:SourceIdentity}/*', context, '2012-10-17'),
    ).toBeUndefined();
  });

  it('keeps ${...} literal in Version 2008-10-17', () => {
    const glob = policyGlob('bucket/${aws:username}/*', context, '2008-10-17');
    expect(glob !== undefined && globMatch(glob, 'bucket/${aws:username}/x', false)).toBe(true);
    expect(glob !== undefined && globMatch(glob, 'bucket/alice/x', false)).toBe(false);
  });

  it('matches exactly the substituted text when the policy has no wildcards of its own', () => {
    const safeText = fc.string().filter((s) => !/[*?\\$]/.test(s));
    fc.assert(
      fc.property(safeText, fc.string(), fc.string(), (prefix, value, other) => {
        const ctx = indexContext({ 'test:key': value });
        const glob = policyGlob(`${prefix}\${test:key}`, ctx, '2012-10-17');
        expect(glob).toBeDefined();
        expect(globMatch(glob ?? '', prefix + value, false)).toBe(true);
        expect(globMatch(glob ?? '', prefix + other, false)).toBe(value === other);
      }),
    );
  });
});
