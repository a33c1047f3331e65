// The computers the learner types on: a laptop, an on-premises server, EC2 instances. Each has its
// own files (`~/.aws/credentials`, policy documents) and environment, so that where credentials
// come from is something to see and to get wrong. Plain data, saved with the world.

export interface Machine {
  /** How the prompt names it: `laptop`, `onprem-server`, `i-0abc...`. */
  name: string;
  /** The login user, shown in the prompt (`alice@laptop`). */
  user: string;
  home: string;
  /** File contents by absolute path. */
  files: Record<string, string>;
  /** Environment variables, as `export` sets them. */
  env: Record<string, string>;
  /** The address the machine's requests come from (aws:SourceIp). */
  sourceIp: string;
  /** For an EC2 instance: its id, for the metadata service and its role's credentials. */
  instanceId?: string;
}

export interface ConsoleState {
  formatVersion: 1;
  machines: Record<string, Machine>;
  /** The name of the machine the learner is on. */
  current: string;
  /** The machines `ssh` left, innermost last: `exit` goes back to the last one. */
  previous: string[];
  /** Every line entered, oldest first. */
  history: string[];
  /** The exit status of the last command (`$?`). */
  lastStatus?: number;
}

/** A path as the shell would resolve it on the machine: `~` is home, relative paths start there. */
export function absolutePath(machine: Machine, path: string): string {
  if (path === '~') return machine.home;
  if (path.startsWith('~/')) return `${machine.home}${path.slice(1)}`;
  return path.startsWith('/') ? path : `${machine.home}/${path}`;
}

export function readMachineFile(machine: Machine, path: string): string | undefined {
  return machine.files[absolutePath(machine, path)];
}

export function writeMachineFile(machine: Machine, path: string, text: string): void {
  machine.files[absolutePath(machine, path)] = text;
}

/** The machine the learner is on. */
export function currentMachine(state: ConsoleState): Machine {
  const machine = state.machines[state.current];
  if (machine === undefined) throw new Error(`no machine named ${state.current}`);
  return machine;
}

/** The shell prompt: who and where the learner is, `learner@laptop:~$ `. */
export function promptOf(state: ConsoleState): string {
  const machine = currentMachine(state);
  return `${machine.user}@${machine.name}:~$ `;
}
