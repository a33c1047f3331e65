// `curl` on the simulated machines: it reaches only the instance metadata service
// (http://169.254.169.254), from an EC2 instance, with the options its documentation uses:
// `-X PUT`, `-H "Name: value"`, `-s`, `-S`, `-f`, `-i`. Anything else is a host the offline world
// cannot resolve.
import { instanceMetadata } from '../aws/imds.js';
import { currentMachine } from './machine.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';

interface CurlOptions {
  method: string;
  headers: Record<string, string>;
  silent: boolean;
  showError: boolean;
  fail: boolean;
  include: boolean;
  url?: string;
}

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const IMDS_HOST = '169.254.169.254';

/** The options, or curl's complaint. */
function parseOptions(args: readonly string[]): CurlOptions | LineOutput {
  const options: CurlOptions = {
    method: 'GET',
    headers: {},
    silent: false,
    showError: false,
    fail: false,
    include: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = () => {
      const next = args[++i];
      if (next === undefined) return undefined;
      return next;
    };
    if (arg === '-X' || arg === '--request') {
      const method = value();
      if (method === undefined)
        return failed(`curl: option ${arg}: requires parameter\n${TRY_HELP}`, 2);
      options.method = method;
    } else if (arg === '-H' || arg === '--header') {
      const header = value();
      if (header === undefined)
        return failed(`curl: option ${arg}: requires parameter\n${TRY_HELP}`, 2);
      // curl does not send a header whose value is blank (`-H "Name:"` removes it).
      const colon = header.indexOf(':');
      const headerValue = header.slice(colon + 1).trim();
      if (colon > 0 && headerValue !== '') {
        options.headers[header.slice(0, colon).trim()] = headerValue;
      }
    } else if (/^-[sSfiL]+$/.test(arg)) {
      // Short flags may be grouped: -sS, -fsSL.
      options.silent ||= arg.includes('s');
      options.showError ||= arg.includes('S');
      options.fail ||= arg.includes('f');
      options.include ||= arg.includes('i');
    } else if (['--silent', '--show-error', '--fail', '--include', '--location'].includes(arg)) {
      options.silent ||= arg === '--silent';
      options.showError ||= arg === '--show-error';
      options.fail ||= arg === '--fail';
      options.include ||= arg === '--include';
    } else if (arg.startsWith('-')) {
      return failed(`curl: option ${arg}: is unknown\n${TRY_HELP}`, 2);
    } else options.url = arg;
  }
  return options;
}

/** curl's own error line, which -s hides unless -S shows it again. */
function curlError(options: CurlOptions, code: number, message: string): LineOutput {
  const quiet = options.silent && !options.showError;
  return failed(quiet ? '' : `curl: (${code}) ${message}\n`, code);
}

export function curl(session: ConsoleSession, args: readonly string[]): LineOutput {
  const options = parseOptions(args);
  if ('exitCode' in options) return options;
  if (options.url === undefined) return failed(`curl: no URL specified!\n${TRY_HELP}`, 2);
  const match = /^(?:http:\/\/)?([^/:]+)(?::80)?(\/.*)?$/.exec(options.url);
  const host = match?.[1] ?? options.url;
  if (host !== IMDS_HOST) return curlError(options, 6, `Could not resolve host: ${host}`);
  const machine = currentMachine(session.state);
  const instance =
    machine.instanceId === undefined ? undefined : session.world.instances[machine.instanceId];
  if (instance?.state !== 'running') {
    // Off an instance, the link-local address answers nobody.
    return curlError(
      options,
      28,
      `Failed to connect to ${IMDS_HOST} port 80 after 1001 ms: Timeout was reached`,
    );
  }
  const response = instanceMetadata(session.world, instance, {
    method: options.method,
    path: match?.[2] ?? '/',
    headers: options.headers,
  });
  if (options.fail && response.status >= 400) {
    return curlError(options, 22, `The requested URL returned error: ${response.status}`);
  }
  const head = options.include
    ? `HTTP/1.1 ${response.status} ${response.reason}\r\nContent-Length: ${response.body.length}\r\n\r\n`
    : '';
  return printed(`${head}${response.body}`);
}
