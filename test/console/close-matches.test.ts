// "Did you mean": Python's difflib.get_close_matches, as the AWS CLI uses it (awscli/argparser.py).
// Expected values computed with CPython 3.11's difflib.
import { describe, expect, it } from 'vitest';
import { closeMatches, similarity } from '../../src/console/close-matches.js';

const COMMANDS = [
  'create-user',
  'create-group',
  'create-role',
  'delete-user',
  'get-user',
  'list-users',
  'list-roles',
  'list-groups-for-user',
  'tag-user',
  'tag-role',
  'update-role',
  'get-role',
  'create-policy',
  'create-policy-version',
];

describe('difflib port', () => {
  it.each([
    ['abcd', 'bcde', 0.75],
    ['create-user', 'create-usr', 0.9523809523809523],
    ['iam', 'iamm', 0.8571428571428571],
    ['', '', 1],
    ['aaa', 'a', 0.5],
    ['list-users', 'users-list', 0.5],
  ])('SequenceMatcher(None, %j, %j).ratio() = %d', (a, b, ratio) => {
    expect(similarity(a, b)).toBeCloseTo(ratio, 12);
  });

  it.each([
    ['create-usr', ['create-user']],
    ['creat-user', ['create-user']],
    ['lst-users', ['list-users']],
    ['get-usr', ['get-user']],
    ['list-role', ['list-roles']],
    ['tag-users', ['tag-user']],
    ['crate-policy', ['create-policy']],
    ['xyz', []],
    ['create-policy-versio', ['create-policy-version']],
    ['upate-role', ['update-role']],
    ['CREATE-USER', []],
  ])('get_close_matches(%j, commands, cutoff=0.8) = %j', (word, matches) => {
    expect(closeMatches(word, COMMANDS)).toEqual(matches);
  });

  it('orders equal scores as Python does (by name, descending) and keeps the best n', () => {
    expect(
      closeMatches('list-role', ['list-roles', 'list-rules', 'list-role-tags', 'list-rolez']),
    ).toEqual(['list-rolez', 'list-roles', 'list-rules']);
    expect(closeMatches('ab', ['ab', 'ba', 'abc', 'abd', 'abe', 'abf'], 3, 0.5)).toEqual([
      'ab',
      'abf',
      'abe',
    ]);
  });
});
