// `curl` on the simulated machines: it reaches only the instance metadata service
// (http://169.254.169.254), from an EC2 instance, with the options its documentation uses:
// `-X PUT`, `-H "Name: value"`, `-s`, `-S`, `-f`, `-i`, `-L`, and `-o FILE` and `-w FORMAT` to
// keep a document or its status (curl's docs/cmdline-opts/*.md). Anything else is a host the
// offline world cannot resolve. Short options group as curl's do (`-sSo FILE`, `-XPUT`).
import { instanceMetadata, type MetadataResponse } from '../aws/imds.js';
import { writeOut } from './curl-write-out.js';
import { currentMachine, writeMachineFile } from './machine.js';
import { failed, type ConsoleSession, type LineOutput } from './session.js';

interface CurlOptions {
  method: string;
  headers: Record<string, string>;
  silent: boolean;
  showError: boolean;
  fail: boolean;
  include: boolean;
  /** `-o FILE`: where the document goes instead of stdout (`-` is stdout). */
  output?: string;
  writeOut?: string;
  url?: string;
}

type Flag = 'silent' | 'showError' | 'fail' | 'include' | 'location';
type Valued = 'request' | 'header' | 'output' | 'writeOut';

const SHORT_FLAGS: Readonly<Record<string, Flag>> = {
  s: 'silent',
  S: 'showError',
  f: 'fail',
  i: 'include',
  L: 'location',
};
const LONG_FLAGS: Readonly<Record<string, Flag>> = {
  '--silent': 'silent',
  '--show-error': 'showError',
  '--fail': 'fail',
  '--include': 'include',
  '--location': 'location',
};
const SHORT_VALUED: Readonly<Record<string, Valued>> = {
  X: 'request',
  H: 'header',
  o: 'output',
  w: 'writeOut',
};
const LONG_VALUED: Readonly<Record<string, Valued>> = {
  '--request': 'request',
  '--header': 'header',
  '--output': 'output',
  '--write-out': 'writeOut',
};

// curl's helpf() (src/tool_msgs.c) as built without the built-in manual, as Amazon Linux's
// curl-minimal is: a build with it adds "or 'curl --manual'".
const TRY_HELP = "curl: try 'curl --help' for more information\n";
const IMDS_HOST = '169.254.169.254';

/** curl's complaint about a command-line word (tool_getparam.c names the word as typed). */
const usageError = (word: string, reason: string): LineOutput =>
  failed(`curl: option ${word}: ${reason}\n${TRY_HELP}`, 2);

function setFlag(options: CurlOptions, flag: Flag): void {
  // -L has nothing to follow: the metadata service does not redirect.
  if (flag !== 'location') options[flag] = true;
}

function setValue(options: CurlOptions, option: Valued, value: string): void {
  if (option === 'request') options.method = value;
  else if (option === 'output') options.output = value;
  else if (option === 'writeOut') options.writeOut = value;
  else {
    // curl does not send a header whose value is blank (`-H "Name:"` removes it).
    const colon = value.indexOf(':');
    const headerValue = value.slice(colon + 1).trim();
    if (colon > 0 && headerValue !== '')
      options.headers[value.slice(0, colon).trim()] = headerValue;
  }
}

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
    const longFlag = LONG_FLAGS[arg];
    const longValued = LONG_VALUED[arg];
    if (longFlag !== undefined) {
      setFlag(options, longFlag);
    } else if (longValued !== undefined) {
      const value = args[++i];
      if (value === undefined) return usageError(arg, 'requires parameter');
      setValue(options, longValued, value);
    } else if (arg.startsWith('-') && arg.length > 1 && !arg.startsWith('--')) {
      // A group of short options; one that takes a value takes the rest of the word or the next.
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        const flag = SHORT_FLAGS[letter];
        const valued = SHORT_VALUED[letter];
        if (flag !== undefined) {
          setFlag(options, flag);
          continue;
        }
        if (valued === undefined) return usageError(arg, 'is unknown');
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) return usageError(arg, 'requires parameter');
        setValue(options, valued, value);
        break;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      return usageError(arg, 'is unknown');
    } else options.url = arg;
  }
  return options;
}

/** What one run of curl printed: its stdout and stderr, then `-w`'s report after the transfer. */
function finish(
  options: CurlOptions,
  result: LineOutput,
  transfer: { status: number; url: string; sizeDownload: number },
): LineOutput {
  if (options.writeOut === undefined) return result;
  const report = writeOut(options.writeOut, {
    ...transfer,
    method: options.method,
    exitCode: result.exitCode,
  });
  return {
    stdout: result.stdout + report.stdout,
    stderr: result.stderr + report.stderr,
    exitCode: result.exitCode,
  };
}

/** curl's own error line, which -s hides unless -S shows it again. */
function curlError(options: CurlOptions, code: number, message: string): LineOutput {
  const quiet = options.silent && !options.showError;
  return failed(quiet ? '' : `curl: (${code}) ${message}\n`, code);
}

/** The response as curl hands it on: to stdout, or to the `-o` file on the machine. */
function deliver(session: ConsoleSession, options: CurlOptions, response: MetadataResponse) {
  const head = options.include
    ? `HTTP/1.1 ${response.status} ${response.reason}\r\nContent-Length: ${response.body.length}\r\n\r\n`
    : '';
  const document = `${head}${response.body}`;
  if (options.output === undefined || options.output === '-') {
    return { stdout: document, stderr: '', exitCode: 0 };
  }
  // curl also draws its progress meter on stderr here unless -s; the simulated transfer takes no
  // time to measure, so the meter is left out.
  // The machines have no devices; /dev/null swallows the document as Linux's does.
  if (options.output !== '/dev/null') {
    writeMachineFile(currentMachine(session.state), options.output, document);
  }
  return { stdout: '', stderr: '', exitCode: 0 };
}

export function curl(session: ConsoleSession, args: readonly string[]): LineOutput {
  const options = parseOptions(args);
  if ('exitCode' in options) return options;
  if (options.url === undefined) return failed(`curl: no URL specified!\n${TRY_HELP}`, 2);
  const match = /^(?:http:\/\/)?([^/:]+)(?::80)?(\/.*)?$/.exec(options.url);
  const host = match?.[1] ?? options.url;
  const path = match?.[2] ?? '/';
  const unanswered = { status: 0, url: `http://${host}${path}`, sizeDownload: 0 };
  if (host !== IMDS_HOST) {
    return finish(options, curlError(options, 6, `Could not resolve host: ${host}`), unanswered);
  }
  const machine = currentMachine(session.state);
  const instance =
    machine.instanceId === undefined ? undefined : session.world.instances[machine.instanceId];
  if (instance?.state !== 'running') {
    // Off an instance, the link-local address answers nobody.
    const timeout = `Failed to connect to ${IMDS_HOST} port 80 after 1001 ms: Timeout was reached`;
    return finish(options, curlError(options, 28, timeout), unanswered);
  }
  const response = instanceMetadata(session.world, instance, {
    method: options.method,
    path,
    headers: options.headers,
  });
  const answered = { ...unanswered, status: response.status };
  if (options.fail && response.status >= 400) {
    // --fail: "no response body output at all", exit 22 (docs/cmdline-opts/fail.md).
    const error = `The requested URL returned error: ${response.status}`;
    return finish(options, curlError(options, 22, error), answered);
  }
  const delivered = deliver(session, options, response);
  return finish(options, delivered, { ...answered, sizeDownload: response.body.length });
}
