// curl on an instance of the furnished sandbox, against the metadata service, with the options
// curl's own documentation gives (docs/cmdline-opts: output.md, write-out.md, fail.md,
// include.md): -o/--output, -w/--write-out, -f/--fail, -s, -i, and curl's usage errors.
import { describe, expect, it } from 'vitest';
import { currentMachine } from '../../src/console/machine.js';
import { createFurnishedSandbox } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { ok, run } from './helpers.js';

const IMDS = 'http://169.254.169.254/latest';
const ROLES = `${IMDS}/meta-data/iam/security-credentials/`;
const TRY_HELP = "curl: try 'curl --help' for more information\n";

/** The furnished sandbox, logged in on its instance (role sandbox-app, IMDSv2 required). */
function onInstance(): ConsoleSession {
  const session = createFurnishedSandbox('curl-test', Date.UTC(2026, 10, 30, 10));
  const id = ok(
    session,
    'aws ec2 describe-instances --query Reservations[0].Instances[0].InstanceId --output text',
  );
  ok(session, `ssh ${id}`);
  ok(
    session,
    `export TOKEN=$(curl -s -X PUT ${IMDS}/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")`,
  );
  return session;
}

const WITH_TOKEN = '-H "X-aws-ec2-metadata-token: $TOKEN"';

describe('curl -o / --output', () => {
  it('writes the document to a file of the instance and prints nothing', () => {
    const session = onInstance();
    expect(run(session, `curl -s ${WITH_TOKEN} -o roles.txt ${ROLES}`)).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(ok(session, 'cat roles.txt')).toBe('sandbox-app');
    // Grouped with other short options, and in its long form, into another folder.
    ok(session, `curl ${WITH_TOKEN} -so creds.json ${ROLES}sandbox-app`);
    expect(JSON.parse(ok(session, 'cat ~/creds.json'))).toMatchObject({ Code: 'Success' });
    ok(session, `curl -s ${WITH_TOKEN} --output /tmp/roles ${ROLES}`);
    expect(ok(session, 'cat /tmp/roles')).toBe('sandbox-app');
    // The file is the instance's, not the laptop's.
    ok(session, 'exit');
    expect(run(session, 'cat roles.txt').exitCode).not.toBe(0);
  });

  it('-o - is stdout, -o /dev/null keeps nothing, and -i puts the headers in the file too', () => {
    const session = onInstance();
    expect(ok(session, `curl -s ${WITH_TOKEN} -o - ${ROLES}`)).toBe('sandbox-app');
    ok(session, `curl -s ${WITH_TOKEN} -o /dev/null ${ROLES}`);
    expect(currentMachine(session.state).files['/dev/null']).toBeUndefined();
    ok(session, `curl -si ${WITH_TOKEN} -o head.txt ${ROLES}`);
    expect(ok(session, 'cat head.txt')).toBe(
      'HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nsandbox-app',
    );
  });
});

describe('curl -w / --write-out', () => {
  it('prints the format after the body, on stdout, with %{http_code} and \\n', () => {
    const session = onInstance();
    expect(run(session, `curl -s ${WITH_TOKEN} -w '%{http_code}\\n' ${ROLES}`)).toMatchObject({
      stdout: 'sandbox-app200\n',
      stderr: '',
      exitCode: 0,
    });
    // The usual health check: the body thrown away, the status kept.
    expect(run(session, `curl -s -o /dev/null --write-out '%{http_code}' ${ROLES}`).stdout).toBe(
      '401',
    );
  });

  it('knows %%, \\t and a few variables; an unknown one is warned about on stderr', () => {
    const session = onInstance();
    const result = run(
      session,
      `curl -s ${WITH_TOKEN} -o /dev/null -w '%{method}\\t%{response_code}\\t%{size_download}\\t100%%\\t%{nope}\\n' ${ROLES}`,
    );
    expect(result.stdout).toBe('GET\t200\t11\t100%\t\n');
    expect(result.stderr).toBe("curl: unknown --write-out variable: 'nope'\n");
  });

  it('reports a failed transfer too: 000 when nothing answered', () => {
    const session = onInstance();
    ok(session, 'exit');
    // Off an instance the address answers nobody: curl times out (28).
    expect(run(session, `curl -s -w '%{http_code}\\n' ${ROLES}`)).toMatchObject({
      stdout: '000\n',
      exitCode: 28,
    });
    expect(run(session, `curl -s -w '%{http_code} %{exitcode}' http://example.com/`)).toMatchObject(
      {
        stdout: '000 6',
        exitCode: 6,
      },
    );
  });
});

describe('curl -f / --fail', () => {
  it('exits 22 with no body on HTTP 400 or more, saying why unless -s', () => {
    const session = onInstance();
    // IMDSv2 is required: a request without the token is refused with 401.
    expect(run(session, `curl --fail ${ROLES}`)).toMatchObject({
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 401\n',
      exitCode: 22,
    });
    expect(run(session, `curl -sf -w '%{http_code}\\n' -o out.txt ${ROLES}`)).toMatchObject({
      stdout: '401\n',
      stderr: '',
      exitCode: 22,
    });
    expect(run(session, 'cat out.txt').exitCode).not.toBe(0);
    // Without -f the error page is the output, and curl succeeds.
    const page = run(session, `curl -s ${ROLES}`);
    expect(page.exitCode).toBe(0);
    expect(page.stdout).toContain('401 - Unauthorized');
    expect(run(session, `curl -sSf ${ROLES}`).stderr).toBe(
      'curl: (22) The requested URL returned error: 401\n',
    );
  });
});

describe("curl's usage errors", () => {
  it('an unknown option, a missing parameter, no URL: curl says so and exits 2', () => {
    const session = onInstance();
    expect(run(session, `curl --xyz ${ROLES}`)).toEqual({
      kind: 'done',
      stdout: '',
      stderr: `curl: option --xyz: is unknown\n${TRY_HELP}`,
      exitCode: 2,
    });
    expect(run(session, `curl -sZ ${ROLES}`).stderr).toBe(
      `curl: option -sZ: is unknown\n${TRY_HELP}`,
    );
    expect(run(session, `curl ${ROLES} -o`)).toMatchObject({
      stderr: `curl: option -o: requires parameter\n${TRY_HELP}`,
      exitCode: 2,
    });
    expect(run(session, `curl ${ROLES} --write-out`).stderr).toBe(
      `curl: option --write-out: requires parameter\n${TRY_HELP}`,
    );
    expect(run(session, 'curl -s')).toMatchObject({
      stderr: `curl: no URL specified!\n${TRY_HELP}`,
      exitCode: 2,
    });
  });
});
