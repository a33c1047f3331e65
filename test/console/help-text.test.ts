// `aws ... help` from the command table: the SYNOPSIS of the AWS CLI's help pages.
import { describe, expect, it } from 'vitest';
import { commandTable } from '../../src/console/command-table.js';
import { helpText } from '../../src/console/help-text.js';

describe('helpText', () => {
  const table = commandTable();

  it("shows a command's flags, required ones without brackets, as `aws iam create-user help` does", () => {
    expect(helpText(table, 'iam', 'create-user')).toBe(
      [
        'NAME',
        '       create-user -',
        '',
        'SYNOPSIS',
        '            create-user',
        '          [--path <value>]',
        '          --user-name <value>',
        '          [--permissions-boundary <value>]',
        '          [--tags <value>]',
        '',
      ].join('\n'),
    );
  });

  it('pairs booleans with their --no- form and leaves hidden pagination tokens out', () => {
    const text = helpText(table, 'iam', 'list-policies') ?? '';
    expect(text).toContain('[--only-attached | --no-only-attached]');
    expect(text).toContain('[--max-items <value>]');
    expect(text).not.toContain('--marker');
  });

  it('lists services and commands, and knows nothing of what does not exist', () => {
    expect(helpText(table)).toContain('       o s3api\n');
    expect(helpText(table, 'sts')).toContain('       o assume-role-with-web-identity\n');
    expect(helpText(table, 'nosuch')).toBeUndefined();
  });
});
