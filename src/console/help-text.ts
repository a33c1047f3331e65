// `aws help`, `aws <service> help`, `aws <service> <command> help`: what the command table knows
// (names, flags, which are required), in the layout of the AWS CLI's help pages. The CLI's own
// pages also carry AWS's documentation, which the extracted models leave out.
import type { Command, CommandTable, Flag } from './command-table.js';

function synopsisLine(flag: Flag, flags: ReadonlyMap<string, Flag>): string | undefined {
  if (flag.hidden) return undefined;
  if (flag.kind === 'member' && flag.booleanValue === false) return undefined;
  if (flag.kind === 'member' && flag.booleanValue === true) {
    const negative = flags.get(`no-${flag.name}`);
    return negative === undefined ? `[--${flag.name}]` : `[--${flag.name} | --no-${flag.name}]`;
  }
  const text = `--${flag.name} <value>`;
  return flag.required ? text : `[${text}]`;
}

function commandHelp(command: Command): string {
  const lines = [...command.flags.values()]
    .map((flag) => synopsisLine(flag, command.flags))
    .filter((line): line is string => line !== undefined);
  if (command.positional !== undefined) lines.push(`<${command.positional.name}>`);
  return [
    'NAME',
    `       ${command.name} -`,
    '',
    'SYNOPSIS',
    `            ${command.name}`,
    ...lines.map((line) => `          ${line}`),
    '',
  ].join('\n');
}

/** The help text for a service or command (both optional), or undefined if there is no such thing. */
export function helpText(
  table: CommandTable,
  cliService?: string,
  command?: string,
): string | undefined {
  if (cliService === undefined) {
    return [
      'AVAILABLE SERVICES',
      ...[...table.services.keys()].map((name) => `       o ${name}`),
      '',
    ].join('\n');
  }
  const service = table.services.get(cliService);
  if (service === undefined) return undefined;
  if (command === undefined) {
    return [
      'AVAILABLE COMMANDS',
      ...[...service.commands.keys()].map((name) => `       o ${name}`),
      '',
    ].join('\n');
  }
  const spec = service.commands.get(command);
  return spec === undefined ? undefined : commandHelp(spec);
}
