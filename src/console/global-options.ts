// The AWS CLI's global options (awscli/data/cli.json), accepted anywhere on the command line.
// The ones that change what the simulator does are returned; the others are accepted and ignored.

export type OutputFormat = 'json' | 'text' | 'table';

export interface GlobalOptions {
  profile?: string;
  region?: string;
  output?: OutputFormat;
  /** A JMESPath expression, already checked to parse. */
  query?: string;
  endpointUrl?: string;
  color?: 'on' | 'off' | 'auto';
  debug: boolean;
  noCliPager: boolean;
  /** `--no-paginate`: one page of results, with the service's own tokens. */
  noPaginate: boolean;
  /** `--no-sign-request`: an anonymous request, which only S3 bucket policies can allow. */
  noSignRequest: boolean;
}

export interface GlobalOptionSpec {
  name: string;
  takesValue: boolean;
  choices?: readonly string[];
  integer?: boolean;
}

/**
 * All of AWS CLI 2.9's global options. `--output` offers only what the simulator prints (the CLI
 * also has yaml and yaml-stream).
 */
export const GLOBAL_OPTIONS: readonly GlobalOptionSpec[] = [
  { name: 'debug', takesValue: false },
  { name: 'endpoint-url', takesValue: true },
  { name: 'no-verify-ssl', takesValue: false },
  { name: 'no-paginate', takesValue: false },
  { name: 'output', takesValue: true, choices: ['json', 'text', 'table'] },
  { name: 'query', takesValue: true },
  { name: 'profile', takesValue: true },
  { name: 'region', takesValue: true },
  { name: 'version', takesValue: false },
  { name: 'color', takesValue: true, choices: ['on', 'off', 'auto'] },
  { name: 'no-sign-request', takesValue: false },
  { name: 'ca-bundle', takesValue: true },
  { name: 'cli-read-timeout', takesValue: true, integer: true },
  { name: 'cli-connect-timeout', takesValue: true, integer: true },
  { name: 'cli-binary-format', takesValue: true, choices: ['base64', 'raw-in-base64-out'] },
  { name: 'no-cli-pager', takesValue: false },
  { name: 'cli-auto-prompt', takesValue: false },
  { name: 'no-cli-auto-prompt', takesValue: false },
];
