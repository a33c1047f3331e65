// What `aws` prints: every expected output in fixtures/output-cases.json was produced by the AWS CLI
// 2.9.19's own formatters (awscli/formatter.py, 80 columns, no colour) on the same response and
// --query; then the whole path from a world response (timestamps, pagination) to stdout.
import { describe, expect, it } from 'vitest';
import { applyQuery, formatValue, renderResponse } from '../../src/console/format-output.js';
import type { OutputFormat } from '../../src/console/global-options.js';
import { parseCommand, type ParsedCommand } from '../../src/console/parse-command.js';
import { isoformatUtc } from '../../src/console/timestamps.js';
import recorded from './fixtures/output-cases.json' with { type: 'json' };

function parsed(...args: string[]): ParsedCommand {
  const result = parseCommand(args);
  if (result.kind !== 'command') throw new Error(JSON.stringify(result));
  return result;
}

function stdout(command: ParsedCommand, response: Record<string, unknown>): string {
  const rendered = renderResponse(command, response);
  if (rendered.kind !== 'output') throw new Error(rendered.stderr);
  return rendered.stdout;
}

describe('output formats, as the CLI prints them', () => {
  it.each(recorded.cases.map((c) => [c.operation, c.output, c.query ?? '', c] as const))(
    '%s --output %s --query %j',
    (operation, output, query, c) => {
      const queried = applyQuery(c.response, query === '' ? undefined : query);
      expect(queried.ok).toBe(true);
      if (queried.ok)
        expect(formatValue(queried.value, output as OutputFormat, operation)).toBe(c.stdout);
    },
  );
});

describe('from a world response to stdout', () => {
  const user = {
    Path: '/',
    UserName: 'alice',
    UserId: 'AIDAEXAMPLE',
    Arn: 'arn:aws:iam::111122223333:user/alice',
  };

  it('prints timestamps with +00:00, whatever form the world gives them in', () => {
    const response = {
      AccessKey: {
        UserName: 'alice',
        AccessKeyId: 'AKIA1',
        Status: 'Active',
        SecretAccessKey: 's',
        CreateDate: '2026-11-30T10:00:00Z',
      },
    };
    expect(stdout(parsed('iam', 'create-access-key', '--user-name', 'alice'), response)).toContain(
      '"CreateDate": "2026-11-30T10:00:00+00:00"',
    );
    expect(isoformatUtc(new Date(Date.UTC(2026, 10, 30, 10, 0, 0, 123)))).toBe(
      '2026-11-30T10:00:00.123000+00:00',
    );
  });

  it('converts timestamps before --query, as the CLI does, so queries see the printed form', () => {
    const response = {
      Users: [{ ...user, CreateDate: new Date(Date.UTC(2026, 10, 30, 10)) }],
      IsTruncated: false,
    };
    expect(
      stdout(
        parsed('iam', 'list-users', '--query', 'Users[0].CreateDate', '--output', 'text'),
        response,
      ),
    ).toBe('2026-11-30T10:00:00+00:00\n');
  });

  it('prints a paginated result without the service tokens (build_full_result)', () => {
    const response = {
      Users: [{ ...user, CreateDate: '2026-11-30T10:00:00Z' }],
      IsTruncated: false,
      Marker: 'x',
    };
    expect(JSON.parse(stdout(parsed('iam', 'list-users'), response))).toEqual({
      Users: [{ ...user, CreateDate: '2026-11-30T10:00:00+00:00' }],
    });
    expect(
      JSON.parse(stdout(parsed('iam', 'list-users', '--no-paginate'), response)),
    ).toMatchObject({ IsTruncated: false, Marker: 'x' });
    const group = { Group: { GroupName: 'g' }, Users: [], IsTruncated: false };
    expect(JSON.parse(stdout(parsed('iam', 'get-group', '--group-name', 'g'), group))).toEqual({
      Users: [],
      Group: { GroupName: 'g' },
    });
  });

  it('leaves out a result list the service did not send, as build_full_result skips it', () => {
    const listObjects = parsed('s3api', 'list-objects-v2', '--bucket', 'b');
    const page = { IsTruncated: false, Name: 'b', Prefix: '', MaxKeys: 1000 };
    // S3 sends no Contents for an empty bucket and CommonPrefixes only with a delimiter.
    expect(stdout(listObjects, { ...page, KeyCount: 0 })).toBe('');
    const contents = [{ Key: 'k', Size: 1, StorageClass: 'STANDARD' }];
    expect(JSON.parse(stdout(listObjects, { ...page, KeyCount: 1, Contents: contents }))).toEqual({
      Contents: contents,
    });
  });

  it("cuts at --max-items with botocore's NextToken, and --starting-token goes on from there", () => {
    const users = ['a', 'b', 'c'].map((UserName) => ({ ...user, UserName }));
    const first = JSON.parse(
      stdout(
        parsed(
          'iam',
          'list-users',
          '--max-items',
          '2',
          '--query',
          '{Names: Users[].UserName, NextToken: NextToken}',
        ),
        { Users: users },
      ),
    ) as {
      Names: string[];
      NextToken: string;
    };
    expect(first.Names).toEqual(['a', 'b']);
    expect(Buffer.from(first.NextToken, 'base64').toString()).toBe(
      '{"Marker": null, "boto_truncate_amount": 2}',
    );
    expect(
      stdout(
        parsed(
          'iam',
          'list-users',
          '--starting-token',
          first.NextToken,
          '--query',
          'Users[].UserName',
          '--output',
          'text',
        ),
        { Users: users },
      ),
    ).toBe('c\n');
    // TextFormatter prints the page, then the token on a line of its own.
    const text = stdout(parsed('iam', 'list-users', '--max-items', '1', '--output', 'text'), {
      Users: users,
    });
    const token = Buffer.from('{"Marker": null, "boto_truncate_amount": 1}').toString('base64');
    expect(text).toBe(`USERS\t${user.Arn}\t/\tAIDAEXAMPLE\ta\nNEXTTOKEN\t${token}\n`);
  });

  it('prints nothing for an empty response, and the query error when a query fails', () => {
    expect(stdout(parsed('iam', 'delete-user', '--user-name', 'alice'), {})).toBe('');
    expect(
      renderResponse(parsed('iam', 'list-users', '--query', 'abs(Users)'), { Users: [] }),
    ).toMatchObject({ kind: 'error', exitCode: 255 });
  });
});
