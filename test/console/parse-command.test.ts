// `aws ...` words to a command for the world, or the AWS CLI v2's own error. Every expected stderr
// below was printed by the real AWS CLI 2.9.19 (Debian 12 awscli package) for the same words,
// offline (these errors all come before any request is sent).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/console/cli-errors.js';
import { commandTable } from '../../src/console/command-table.js';
import { parseCommand, type ParseResult } from '../../src/console/parse-command.js';

const FILES: Record<string, string> = {
  'policy.json': '{"Version": "2012-10-17", "Statement": []}',
  '/home/alice/trust.json': '{"Version": "2012-10-17"}',
  'tags.json': '[{"Key": "team", "Value": "dev"}]',
  'hello.txt': 'hello',
};
const OPTIONS = { readFile: (path: string) => FILES[path], env: { HOME: '/home/alice' } };

function parse(...args: string[]): ParseResult {
  return parseCommand(args, OPTIONS);
}

function stderr(result: ParseResult): string {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.stderr;
}

function command(result: ParseResult) {
  if (result.kind !== 'command')
    throw new Error(`expected a command, got ${JSON.stringify(result)}`);
  return result;
}

const usage = (message: string): string => `\n${USAGE}\naws: error: ${message}\n\n`;

describe('errors exactly as the AWS CLI prints them', () => {
  it.each([
    [['iam', 'create-user'], usage('the following arguments are required: --user-name')],
    [
      ['iam', 'attach-user-policy'],
      usage('the following arguments are required: --user-name, --policy-arn'),
    ],
    [['iam'], usage('the following arguments are required: operation')],
    [[], usage('the following arguments are required: command')],
    [
      ['s3api', 'get-object', '--bucket', 'b', '--key', 'k'],
      usage('the following arguments are required: outfile'),
    ],
    [
      ['iam', 'create-user', '--user-name', '-x'],
      usage('argument --user-name: expected one argument'),
    ],
    [
      ['iam', 'create-user', '--user-name', 'x', '--profile'],
      usage('argument --profile: expected one argument'),
    ],
    [
      ['ec2', 'describe-instances', '--max-items', 'abc'],
      usage("argument --max-items: invalid int value: 'abc'"),
    ],
    [
      ['iam', 'list-users', '--page-size', 'x'],
      usage("argument --page-size: invalid int value: 'x'"),
    ],
    [
      ['ec2', 'describe-instances', '--dry-run=true'],
      usage("argument --dry-run: ignored explicit argument 'true'"),
    ],
    [
      [
        'iam',
        'create-virtual-mfa-device',
        '--virtual-mfa-device-name',
        'x',
        '--outfile',
        'q',
        '--bootstrap-method',
        'Foo',
      ],
      usage(
        'argument --bootstrap-method: Invalid choice, valid choices are:\n\n' +
          `${'QRCodePNG'.padEnd(40)} | ${'Base32StringSeed'.padEnd(40)}`,
      ),
    ],
    [['iam', 'create-user', '--user-name', 'x', '--foo'], `\n${USAGE}\nUnknown options: --foo\n\n`],
    [
      ['iam', 'create-user', '--user-name', 'a', '--foo', '--bar', '1'],
      `\n${USAGE}\nUnknown options: --foo, --bar, 1\n\n`,
    ],
    [['iam', 'create-user', 'extra', '--user-name', ''], `\n${USAGE}\nUnknown options: extra\n\n`],
    [
      ['iam', 'create-user', '--user-name='],
      '\nParameter validation failed:\nInvalid length for parameter UserName, value: 0, valid min length: 1\n',
    ],
    [
      ['iam', 'create-user', '--user-name', 'a', '--tags', '[{"Key":'],
      `\nError parsing parameter '--tags': Invalid JSON: Expecting value: line 1 column 9 (char 8)\nJSON received: [{"Key":\n`,
    ],
    [
      ['iam', 'create-user', '--user-name', 'a', '--tags', '['],
      `\nError parsing parameter '--tags': Invalid JSON: Expecting value: line 1 column 2 (char 1)\nJSON received: [\n`,
    ],
    [
      ['iam', 'create-user', '--user-name', 'a', '--tags', 'Key=a,Value'],
      '\nParameter validation failed:\nMissing required parameter in Tags[0]: "Value"\n' +
        "Invalid type for parameter Tags[0].Key, value: ['a', 'Value'], type: <class 'list'>, valid types: <class 'str'>\n",
    ],
    [
      ['iam', 'create-user', '--user-name', 'a', '--tags', 'Key=a,Value=b,Foo=c'],
      '\nParameter validation failed:\nUnknown parameter in Tags[0]: "Foo", must be one of: Key, Value\n',
    ],
    [
      ['iam', 'create-user', '--user-name', 'a', '--tags', 'Key=a', 'Value=b'],
      '\nParameter validation failed:\nMissing required parameter in Tags[0]: "Value"\nMissing required parameter in Tags[1]: "Key"\n',
    ],
    [
      ['iam', 'create-user', '--user-name', 'a', '--tags', '[{"Key":1}]'],
      '\nParameter validation failed:\nMissing required parameter in Tags[0]: "Value"\n' +
        "Invalid type for parameter Tags[0].Key, value: 1, type: <class 'int'>, valid types: <class 'str'>\n",
    ],
    [
      [
        'iam',
        'create-role',
        '--role-name',
        'r',
        '--assume-role-policy-document',
        'x',
        '--max-session-duration',
        'abc',
      ],
      "\ninvalid literal for int() with base 10: 'abc'\n",
    ],
    [
      ['ec2', 'run-instances', '--metadata-options', 'HttpTokens=required,,'],
      "\nError parsing parameter '--metadata-options': Expected: '=', received: 'EOF' for input:\n" +
        'HttpTokens=required,,\n                     ^\n',
    ],
    [
      ['s3api', 'put-object', '--bucket', 'b', '--key', 'k', '--body', '/nonexist'],
      "\nError parsing parameter '--body': Blob values must be a path to a file.\n",
    ],
    [
      [
        'iam',
        'put-user-policy',
        '--user-name',
        'a',
        '--policy-name',
        'b',
        '--policy-document',
        'file://nonexist.json',
      ],
      "\nError parsing parameter '--policy-document': Unable to load paramfile file://nonexist.json: " +
        "[Errno 2] No such file or directory: 'nonexist.json'\n",
    ],
  ])('aws %j', (args, expected) => {
    expect(stderr(parse(...args))).toBe(expected);
  });

  it('exits 252 for command-line mistakes and 255 for what Python itself rejects', () => {
    expect(parse('iam', 'create-user')).toMatchObject({ exitCode: 252 });
    expect(
      parse(
        'sts',
        'assume-role',
        '--role-arn',
        'a',
        '--role-session-name',
        's',
        '--duration-seconds',
        'x',
      ),
    ).toMatchObject({
      exitCode: 255,
    });
  });

  it('lists the commands and suggests the near miss for an unknown command', () => {
    const text = stderr(parse('iam', 'create-usr', '--user-name', 'x'));
    expect(text).toMatch(
      /^\nusage: aws .*\n\naws: error: argument operation: Invalid choice, valid choices are:\n\n/s,
    );
    expect(text).toContain(
      `${'create-user'.padEnd(40)} | ${'create-virtual-mfa-device'.padEnd(40)}\n`,
    );
    expect(
      text.endsWith("\n\n\nInvalid choice: 'create-usr', maybe you meant:\n\n  * create-user\n\n"),
    ).toBe(true);
  });

  it('suggests the near miss for an unknown service', () => {
    expect(stderr(parse('iamm', 'list-users'))).toMatch(
      /argument command: Invalid choice, valid choices are:\n\n.*Invalid choice: 'iamm', maybe you meant:\n\n {2}\* iam\n\n$/s,
    );
  });

  it('says which flags an ambiguous prefix could be, as argparse does', () => {
    expect(stderr(parse('iam', 'update-account-password-policy', '--require-'))).toBe(
      usage(
        'ambiguous option: --require- could match --require-symbols, --require-numbers, ' +
          '--require-uppercase-characters, --require-lowercase-characters',
      ),
    );
  });

  it('rejects a --query that is not JMESPath before anything runs', () => {
    expect(stderr(parse('iam', 'list-users', '--query', 'Users[?'))).toMatch(
      /^\nBad value for --query Users\[\?: Invalid jmespath expression: /,
    );
  });

  it('offers only the output formats it can print', () => {
    expect(stderr(parse('iam', 'list-users', '--output', 'xml'))).toBe(
      usage(
        `argument --output: Invalid choice, valid choices are:\n\n${'json'.padEnd(40)} | ${'text'.padEnd(40)}\n${'table'.padEnd(40)}`,
      ),
    );
  });
});

describe('commands for the world', () => {
  it('names the service, the operation and the parameters as AWS does', () => {
    expect(parse('iam', 'create-user', '--user-name', 'bob', '--path', '/dev/')).toEqual({
      kind: 'command',
      service: 'iam',
      cliService: 'iam',
      command: 'create-user',
      operation: 'CreateUser',
      params: { UserName: 'bob', Path: '/dev/' },
      globals: { debug: false, noCliPager: false, noPaginate: false, noSignRequest: false },
      paging: {},
      cliArgs: {},
    });
  });

  it('reads shorthand and JSON lists of structures alike', () => {
    const tags = [
      { Key: 'team', Value: 'dev' },
      { Key: 'env', Value: 'prod' },
    ];
    expect(
      command(
        parse(
          'iam',
          'tag-user',
          '--user-name',
          'u',
          '--tags',
          'Key=team,Value=dev',
          'Key=env,Value=prod',
        ),
      ).params.Tags,
    ).toEqual(tags);
    expect(
      command(parse('iam', 'tag-user', '--user-name', 'u', '--tags', JSON.stringify(tags))).params
        .Tags,
    ).toEqual(tags);
    expect(
      command(parse('iam', 'tag-user', '--user-name', 'u', '--tags', 'file://tags.json')).params
        .Tags,
    ).toEqual([tags[0]]);
  });

  it('reads structures, turning shorthand numbers and booleans into their types', () => {
    const params = command(
      parse(
        'ec2',
        'run-instances',
        '--image-id',
        'ami-1',
        '--metadata-options',
        'HttpTokens=required,HttpPutResponseHopLimit=2',
      ),
    ).params;
    expect(params).toEqual({
      ImageId: 'ami-1',
      MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
      MinCount: 1,
      MaxCount: 1,
    });
    const block = command(
      parse(
        's3api',
        'put-public-access-block',
        '--bucket',
        'b',
        '--public-access-block-configuration',
        'BlockPublicAcls=true,IgnorePublicAcls=false',
      ),
    ).params;
    expect(block.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
    });
  });

  it('takes --count N or MIN:MAX for run-instances (ec2/addcount.py)', () => {
    expect(command(parse('ec2', 'run-instances', '--count', '2:5')).params).toMatchObject({
      MinCount: 2,
      MaxCount: 5,
    });
    expect(stderr(parse('ec2', 'run-instances', '--count', 'many'))).toBe(
      '\nParameter validation failed:\ncount parameter should be of form min[:max] (e.g. 1 or 1:10)\n',
    );
  });

  it('reads integers, lists of strings, and booleans with their --no- form (the last one wins)', () => {
    expect(
      command(
        parse(
          'sts',
          'assume-role',
          '--role-arn',
          'arn:aws:iam::111122223333:role/app',
          '--role-session-name',
          'me',
          '--duration-seconds',
          '900',
        ),
      ).params.DurationSeconds,
    ).toBe(900);
    expect(
      command(parse('ec2', 'terminate-instances', '--instance-ids', 'i-1', 'i-2')).params
        .InstanceIds,
    ).toEqual(['i-1', 'i-2']);
    expect(command(parse('iam', 'list-policies', '--only-attached')).params).toEqual({
      OnlyAttached: true,
    });
    expect(
      command(parse('iam', 'list-policies', '--only-attached', '--no-only-attached')).params,
    ).toEqual({ OnlyAttached: false });
  });

  it('reads file:// values through the machine, expanding ~ as the CLI does', () => {
    expect(
      command(
        parse(
          'iam',
          'create-role',
          '--role-name',
          'r',
          '--assume-role-policy-document',
          'file://~/trust.json',
        ),
      ).params,
    ).toEqual({
      RoleName: 'r',
      AssumeRolePolicyDocument: FILES['/home/alice/trust.json'],
    });
    // A policy document is a string: the CLI sends bad JSON as it is, and the service rejects it.
    expect(
      command(
        parse(
          'iam',
          'put-user-policy',
          '--user-name',
          'a',
          '--policy-name',
          'p',
          '--policy-document',
          '{"a":',
        ),
      ).params.PolicyDocument,
    ).toBe('{"a":');
    expect(
      command(parse('s3api', 'put-object', '--bucket', 'b', '--key', 'k', '--body', 'hello.txt'))
        .params.Body,
    ).toBe('hello');
  });

  it('takes global options anywhere, and unique prefixes of flags', () => {
    const result = command(
      parse(
        '--profile',
        'dev',
        'iam',
        '--output',
        'text',
        'list-users',
        '--region=eu-west-1',
        '--query',
        'Users[].UserName',
        '--no-cli-pager',
        '--debug',
        '--no-sign-request',
      ),
    );
    expect(result.globals).toEqual({
      profile: 'dev',
      output: 'text',
      region: 'eu-west-1',
      query: 'Users[].UserName',
      debug: true,
      noCliPager: true,
      noPaginate: false,
      noSignRequest: true,
    });
    expect(command(parse('iam', 'create-user', '--us', 'bob')).params).toEqual({ UserName: 'bob' });
  });

  it('gives the CLI pagination flags their own place (awscli/customizations/paginate.py)', () => {
    const result = command(
      parse(
        'iam',
        'list-users',
        '--max-items',
        '2',
        '--starting-token',
        'abc',
        '--page-size',
        '10',
      ),
    );
    expect(result.paging).toEqual({ maxItems: 2, startingToken: 'abc', pageSize: 10 });
    expect(result.params).toEqual({});
    // The service's own token still works (the CLI hides it from help).
    expect(command(parse('iam', 'list-users', '--marker', 'm')).params).toEqual({ Marker: 'm' });
  });

  it('keeps the arguments the CLI adds for itself', () => {
    expect(
      command(parse('s3api', 'get-object', '--bucket', 'b', '--key', 'k', 'out.txt')).cliArgs,
    ).toEqual({ outfile: 'out.txt' });
    expect(
      command(
        parse(
          'iam',
          'create-virtual-mfa-device',
          '--virtual-mfa-device-name',
          'm',
          '--outfile',
          'qr.png',
          '--bootstrap-method',
          'QRCodePNG',
        ),
      ).cliArgs,
    ).toEqual({ outfile: 'qr.png', 'bootstrap-method': 'QRCodePNG' });
  });

  it('recognises help, the version, and real commands it does not simulate', () => {
    expect(parse('help')).toMatchObject({ kind: 'help' });
    expect(parse('iam', 'help')).toMatchObject({ kind: 'help', cliService: 'iam' });
    expect(parse('iam', 'create-user', 'help')).toMatchObject({
      kind: 'help',
      cliService: 'iam',
      command: 'create-user',
    });
    expect(parse('--version')).toMatchObject({ kind: 'version' });
    expect(parse('iam', 'list-server-certificates')).toMatchObject({
      kind: 'not-simulated',
      cliService: 'iam',
      command: 'list-server-certificates',
    });
    expect(parse('s3', 'ls', 's3://bucket')).toMatchObject({
      kind: 'not-simulated',
      cliService: 's3',
      args: ['ls', 's3://bucket'],
    });
  });
});

describe('never throws', () => {
  const table = commandTable();
  const commands = [...table.services.values()].flatMap((service) => [
    ...service.commands.values(),
  ]);
  const flagWords = commands.flatMap((c) => [...c.flags.keys()].map((name) => `--${name}`));
  const word = fc.oneof(
    fc.string(),
    fc.constantFrom(
      ...flagWords,
      'file://policy.json',
      'help',
      '--',
      '-x',
      '{',
      '[',
      'Key=a,Value=b',
      '--query',
      '--output',
    ),
  );

  it('on any words', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (args) => {
        expect(['command', 'error', 'help', 'not-simulated', 'version']).toContain(
          parseCommand(args, OPTIONS).kind,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('on every command with random flags and values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.array(word, { maxLength: 10 }), (c, args) => {
        const result = parseCommand([c.cliService, c.name, ...args], OPTIONS);
        expect(['command', 'error', 'help']).toContain(result.kind);
      }),
      { numRuns: 3000 },
    );
  });
});
