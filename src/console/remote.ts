// Moving between machines: `ssh i-0abc...` logs in to an EC2 instance of the world (as
// `ec2-user`, Amazon Linux's user; key pairs are not simulated), and `exit` logs out, back to the
// machine before, or ends the console on the first one.
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';
import type { Machine } from './machine.js';

const INSTANCE_USER = 'ec2-user';

function instanceMachine(instanceId: string, address: string): Machine {
  const home = `/home/${INSTANCE_USER}`;
  return {
    name: instanceId,
    user: INSTANCE_USER,
    home,
    files: {},
    env: { HOME: home, USER: INSTANCE_USER },
    sourceIp: address,
    instanceId,
  };
}

export function ssh(session: ConsoleSession, args: readonly string[]): LineOutput {
  const [target, ...extra] = args;
  if (target === undefined || extra.length > 0) {
    return failed('usage: ssh [user@]INSTANCE_ID\n', 255);
  }
  const host = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
  const instance = session.world.instances[host];
  if (instance === undefined) {
    return failed(`ssh: Could not resolve hostname ${host}: Name or service not known\n`, 255);
  }
  if (instance.state !== 'running') {
    return failed(`ssh: connect to host ${host} port 22: Connection timed out\n`, 255);
  }
  const { state } = session;
  if (state.current === host) return failed(`ssh: you are on ${host} already\n`, 255);
  state.machines[host] ??= instanceMachine(host, instance.privateIpAddress);
  state.previous.push(state.current);
  state.current = host;
  return printed(
    // Lines within 80 columns.
    `Amazon Linux 2023 on ${host} (simulated).\n` +
      'Software here gets credentials from the metadata service at 169.254.169.254.\n' +
      "'exit' goes back.\n",
  );
}

/** `exit [N]`: N (else 0) is the status the console or the script ends with. */
export function exit(session: ConsoleSession, args: readonly string[]): LineOutput {
  const { state } = session;
  const status = args[0] === undefined ? 0 : Number(args[0]);
  if (!Number.isInteger(status)) {
    return failed(`bash: exit: ${args[0] ?? ''}: numeric argument required\n`, 2);
  }
  const back = state.previous.pop();
  if (back === undefined) return { stdout: '', stderr: '', exitCode: status & 255, leave: true };
  const left = state.current;
  state.current = back;
  return printed(`logout\nConnection to ${left} closed.\n`);
}
