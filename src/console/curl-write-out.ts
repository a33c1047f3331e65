// curl's `-w`/`--write-out FORMAT` (curl's docs/cmdline-opts/write-out.md): after the transfer,
// whether it succeeded or not, the format goes to stdout with its `%{variable}`s replaced and
// `\n`, `\r`, `\t` turned into a newline, carriage return and tab; `%%` is one `%`. A variable
// curl does not know is warned about on stderr (tool_writeout.c's wording) and writes nothing.
// Of curl's variables, those a metadata request can answer are here.

/** What curl knows after one transfer. */
export interface Transfer {
  /** The HTTP status, 0 when no response came (curl prints `000`). */
  status: number;
  method: string;
  url: string;
  /** Bytes of the body received. */
  sizeDownload: number;
  exitCode: number;
}

/** `%{http_code}` is printed with three digits, as curl's `%03ld`. */
const statusCode = (t: Transfer) => String(t.status).padStart(3, '0');

const VARIABLES: Readonly<Record<string, (t: Transfer) => string>> = {
  http_code: statusCode,
  response_code: statusCode,
  method: (t) => t.method,
  url: (t) => t.url,
  url_effective: (t) => t.url,
  size_download: (t) => String(t.sizeDownload),
  exitcode: (t) => String(t.exitCode),
};

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };

/** The format expanded for `transfer`: what goes to stdout, and curl's warnings for stderr. */
export function writeOut(format: string, transfer: Transfer): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  let i = 0;
  while (i < format.length) {
    const char = format[i] ?? '';
    const next = format[i + 1];
    const close = format.indexOf('}', i + 2);
    if (char === '%' && next === '%') {
      stdout += '%';
      i += 2;
    } else if (char === '%' && next === '{' && close !== -1) {
      const name = format.slice(i + 2, close);
      const variable = VARIABLES[name];
      if (variable === undefined) stderr += `curl: unknown --write-out variable: '${name}'\n`;
      else stdout += variable(transfer);
      i = close + 1;
    } else if (char === '\\' && next !== undefined) {
      // An escape curl does not know is written as it stands, backslash and all.
      stdout += ESCAPES[next] ?? `\\${next}`;
      i += 2;
    } else {
      stdout += char;
      i += 1;
    }
  }
  return { stdout, stderr };
}
