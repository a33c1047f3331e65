// The sandbox: the console on a free world, nothing graded or saved. `home`, or `exit` on the laptop,
// goes back home.
import { Box, Text } from 'ink';
import type { ConsoleSession } from '../console/session.js';
import { runLine } from '../console/shell.js';
import { Workbench } from './workbench.js';

const outputLines = (text: string) => (text ? text.replace(/\n$/, '').split('\n') : []);

export function SandboxView({
  session,
  onLeave,
  rows,
}: {
  session: ConsoleSession;
  onLeave: () => void;
  rows: number;
}) {
  const onLine = (line: string): string[] => {
    // As in a lesson's console, `home` goes back to Home (unless it answers a question).
    if (session.question === undefined && line.trim() === 'home') {
      onLeave();
      return [];
    }
    const result = runLine(session, line);
    if (result.kind === 'incomplete')
      return [`(${result.message}: finish the command on one line)`];
    if (result.kind === 'done' && result.leave === true) onLeave();
    return [...outputLines(result.stdout), ...outputLines(result.stderr)];
  };
  return (
    <Box flexDirection="column">
      <Text bold>Sandbox</Text>
      <Workbench
        session={session}
        welcome="The sandbox: two accounts in an organization, a bucket in each, an instance, GitHub's OIDC and a SAML provider. 'home' or 'exit' leaves; '?' keys; Tab menus."
        height={rows - 2}
        onLine={onLine}
      />
    </Box>
  );
}
