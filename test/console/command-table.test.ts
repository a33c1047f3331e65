// The command table, generated from the models, against the real AWS CLI's own argument tables
// (fixtures/aws-cli-commands.json, recorded from AWS CLI 2.9.19's clidriver by
// fixtures/record-aws-cli.py): same command names, same flags, same API members, same required
// and hidden flags. The differences are listed, each for a reason.
import { describe, expect, it } from 'vitest';
import { commandTable, type Flag } from '../../src/console/command-table.js';
import { SERVICE_MODELS } from '../../src/aws/models/index.js';
import recorded from './fixtures/aws-cli-commands.json' with { type: 'json' };

type RecordedFlag = [name: string, member: string | null, required: boolean, hidden: boolean];

/** CLI-wide arguments the simulator does not offer. */
const NOT_OFFERED = new Set(['cli-input-json', 'cli-input-yaml', 'generate-cli-skeleton']);

/** run-instances customizations of the CLI not simulated (ec2/runinstances.py, ec2/protocolarg.py). */
const RUN_INSTANCES_EXTRAS = [
  'enable-api-termination',
  'secondary-private-ip-addresses',
  'secondary-private-ip-address-count',
  'associate-public-ip-address',
  'no-associate-public-ip-address',
];

/**
 * Flags from members that AWS added after the models of AWS CLI 2.9 (our models come from the
 * newer aws-sdk 2.1693.0), plus `--no-disable-api-termination`, which the CLI replaces with
 * `--enable-api-termination`.
 */
const NEWER_FLAGS: Record<string, string[]> = {
  'ec2 run-instances': [
    'no-disable-api-termination',
    'enable-primary-ipv6',
    'no-enable-primary-ipv6',
  ],
  'rolesanywhere create-profile': ['accept-role-session-name', 'no-accept-role-session-name'],
  'rolesanywhere create-trust-anchor': ['notification-settings'],
  's3api list-buckets': [
    'max-buckets',
    'continuation-token',
    'prefix',
    'bucket-region',
    'starting-token',
    'page-size',
    'max-items',
  ],
  's3api list-objects-v2': ['optional-object-attributes'],
  's3api put-object': ['if-none-match'],
  'sts assume-role': ['provided-contexts'],
};

/** AWS made OIDC thumbprints optional in 2024 (aws-sdk 2.1693.0's model; required in AWS CLI 2.9's). */
const NO_LONGER_REQUIRED = new Set(['iam create-open-id-connect-provider thumbprint-list']);

const PAGING_MEMBERS: Record<string, string> = {
  'starting-token': 'StartingToken',
  'page-size': 'PageSize',
  'max-items': 'MaxItems',
};

function describeFlag(flag: Flag): RecordedFlag {
  const member =
    flag.kind === 'member'
      ? flag.member
      : flag.kind === 'paging'
        ? (PAGING_MEMBERS[flag.name] ?? null)
        : null;
  return [flag.name, member, flag.required, flag.hidden];
}

describe('command table', () => {
  const table = commandTable();
  const commands = Object.entries(recorded.commands);

  it('has a command for every supported operation, named as the CLI names it', () => {
    const ours = [...table.services.values()].flatMap((service) =>
      [...service.commands.values()].map((c) => [`${c.cliService} ${c.name}`, c.operation]),
    );
    expect(ours.sort()).toEqual(commands.map(([key, c]) => [key, c.operation]).sort());
    const operations = Object.values(SERVICE_MODELS).reduce(
      (n, model) => n + Object.keys(model.operations).length,
      0,
    );
    expect(ours).toHaveLength(operations);
  });

  it.each(commands)('aws %s has the real CLI flags', (key, { flags }) => {
    const [cliService = '', name = ''] = key.split(' ');
    const command = table.services.get(cliService)?.commands.get(name);
    expect(command).toBeDefined();
    if (command === undefined) return;
    const expected = (flags as RecordedFlag[])
      .filter(([flag]) => !NOT_OFFERED.has(flag) && command.positional?.name !== flag)
      .filter(([flag]) => !(key === 'ec2 run-instances' && RUN_INSTANCES_EXTRAS.includes(flag)))
      .map(([flag, member, required, hidden]): RecordedFlag => [
        flag,
        member,
        required && !NO_LONGER_REQUIRED.has(`${key} ${flag}`),
        hidden,
      ]);
    const newer = NEWER_FLAGS[key] ?? [];
    const ours = [...command.flags.values()]
      .filter((flag) => !newer.includes(flag.name))
      .map(describeFlag);
    expect(ours).toEqual(expected);
  });

  it('knows the commands of each service that exist in AWS but are not simulated', () => {
    expect(table.services.get('iam')?.notSimulated.has('list-server-certificates')).toBe(true);
    expect(table.services.get('iam')?.notSimulated.has('create-user')).toBe(false);
  });
});
