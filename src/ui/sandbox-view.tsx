// The sandbox: the console on a free world, nothing graded or saved. `home`, or `exit` on the laptop,
// goes back home.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { promptOf } from '../console/machine.js';
import type { ConsoleSession } from '../console/session.js';
import { runLine } from '../console/shell.js';
import { completeLine } from '../console/complete-line.js';
import { ConsolePane } from './console-pane.js';

export function SandboxView({
  session,
  onLeave,
  rows,
}: {
  session: ConsoleSession;
  onLeave: () => void;
  rows: number;
}) {
  const [output, setOutput] = useState<string[]>([
    "The sandbox: two accounts in an organization. 'home' or 'exit' to leave; 'help' for tools.",
  ]);
  const prompt = promptOf(session.state);
  const submit = (line: string) => {
    // As in a lesson's console, `home` goes back to Home.
    if (line.trim() === 'home') {
      onLeave();
      return;
    }
    const result = runLine(session, line);
    const printed =
      result.kind === 'done'
        ? [result.stdout, result.stderr]
            .filter(Boolean)
            .flatMap((text) => text.replace(/\n$/, '').split('\n'))
        : [`(${result.message}: finish the command on one line)`];
    setOutput((before) => [...before, `${prompt}${line}`, ...printed].slice(-2000));
    if (result.kind === 'done' && result.leave === true) onLeave();
  };
  return (
    <Box flexDirection="column">
      <Text bold>Sandbox</Text>
      <ConsolePane
        prompt={prompt}
        lines={output}
        height={rows - 3}
        onSubmit={submit}
        complete={(line) => completeLine(session, line)}
      />
    </Box>
  );
}
