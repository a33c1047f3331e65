// From the world's response to what the AWS CLI prints on stdout (awscli/formatter.py): timestamps
// in the CLI's form, the paginated result joined, `--query` (JMESPath) applied, then
// `--output json` (4-space indented, non-ASCII kept, nothing for an empty response), `text` or
// `table` (titled with the operation name).
import { search } from 'jmespath';
import { cliError, type CliError } from './cli-errors.js';
import { commandTable, type CommandTable } from './command-table.js';
import { formatTable } from './format-table.js';
import { formatText } from './format-text.js';
import type { OutputFormat } from './global-options.js';
import { paginatedResult } from './paginate-result.js';
import type { ParsedCommand } from './parse-command.js';
import { withCliTimestamps } from './timestamps.js';

export interface RenderOptions {
  /** Columns of the terminal, for `--output table` (the CLI asks the terminal; 80 without one). */
  terminalWidth?: number;
  table?: CommandTable;
}

export type Rendered = { kind: 'output'; stdout: string } | CliError;

type QueryResult = { ok: true; value: unknown } | { ok: false; message: string };

/** `--query`, as JMESPath; an expression that fails at run time gives the library's message. */
export function applyQuery(value: unknown, query: string | undefined): QueryResult {
  if (query === undefined) return { ok: true, value };
  try {
    return { ok: true, value: search(value, query) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}

/** JSONFormatter: json.dumps(indent=4, ensure_ascii=False), and nothing at all for `{}`. */
export function formatJson(value: unknown): string {
  if (isEmptyObject(value)) return '';
  return `${JSON.stringify(value ?? null, null, 4)}\n`;
}

/** One value in one of the CLI's output formats (the query already applied). */
export function formatValue(
  value: unknown,
  output: OutputFormat,
  title: string,
  terminalWidth = 80,
): string {
  if (output === 'text') return formatText(value);
  if (output === 'table') return formatTable(title, value, terminalWidth);
  return formatJson(value);
}

type Paginated = { kind: 'page'; result: Record<string, unknown>; nextToken?: string } | CliError;

/** The response as the CLI holds it before printing: its timestamps, the page asked for. */
function cliResponse(
  command: ParsedCommand,
  response: Record<string, unknown>,
  table: CommandTable,
): Paginated {
  const spec = table.services.get(command.cliService)?.commands.get(command.command);
  if (spec === undefined)
    return cliError(`Unknown command: ${command.cliService} ${command.command}`);
  const converted = withCliTimestamps(spec.model, spec.operationModel.output, response);
  const paginated = paginatedResult(
    spec.operationModel,
    converted,
    command.paging,
    command.globals.noPaginate,
  );
  return paginated.ok
    ? {
        kind: 'page',
        result: paginated.result,
        ...(paginated.nextToken === undefined ? {} : { nextToken: paginated.nextToken }),
      }
    : cliError(paginated.message);
}

/** The value `aws ...` would print (its `--query` applied), as data rather than text. */
export function responseValue(
  command: ParsedCommand,
  response: Record<string, unknown>,
): QueryResult {
  const paginated = cliResponse(command, response, commandTable());
  if (paginated.kind === 'error') return { ok: false, message: paginated.stderr.trim() };
  return applyQuery(paginated.result, command.globals.query);
}

/** What `aws ...` prints for the world's response to `command`. */
export function renderResponse(
  command: ParsedCommand,
  response: Record<string, unknown>,
  options: RenderOptions = {},
): Rendered {
  const paginated = cliResponse(command, response, options.table ?? commandTable());
  if (paginated.kind === 'error') return paginated;
  const { globals } = command;
  const output = globals.output ?? 'json';
  const parts: unknown[] = [paginated.result];
  if (output === 'text' && paginated.nextToken !== undefined) {
    // TextFormatter prints the page, then the token on a line of its own.
    const page = Object.fromEntries(
      Object.entries(paginated.result).filter(([key]) => key !== 'NextToken'),
    );
    parts.splice(0, 1, page, { NextToken: { NextToken: paginated.nextToken } });
  }
  let stdout = '';
  for (const part of parts) {
    const queried = applyQuery(part, globals.query);
    if (!queried.ok) return cliError(queried.message);
    stdout += formatValue(queried.value, output, command.operation, options.terminalWidth);
  }
  return { kind: 'output', stdout };
}
