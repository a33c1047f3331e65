// The action menus: pick an action, answer its form one field at a time (a list to choose from,
// several to tick, or a line to type), then the exact `aws ...` command runs in the console.
// Esc leaves the menu without running anything.
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import { useState } from 'react';
import { ACTIONS, nextField, type Action, type Field } from '../console/actions.js';
import type { World } from '../aws/world.js';
import { ConsolePane } from './console-pane.js';
import { MultiChoice } from './multi-choice.js';
import { printable } from './printable.js';

export interface ActionMenuProps {
  world: World;
  /** Rows the menu may use. */
  height: number;
  onRun: (command: string) => void;
  onClose: () => void;
}

function FieldInput({
  field,
  height,
  onAnswer,
}: {
  field: Field;
  height: number;
  onAnswer: (value: string) => void;
}) {
  const [problem, setProblem] = useState('');
  if (field.kind === 'text') {
    const initial = field.initial === undefined ? '' : ` (Enter for ${field.initial})`;
    return (
      <Box flexDirection="column">
        <ConsolePane
          prompt={`${field.prompt}${initial} `}
          lines={[]}
          height={0}
          onSubmit={(typed) => {
            const value = typed.trim() || (field.initial ?? '');
            const refused = value === '' ? 'Type a value' : field.check?.(value);
            if (refused === undefined) onAnswer(value);
            else setProblem(refused);
          }}
        />
        {problem ? <Text color="red">✗ {problem}</Text> : null}
      </Box>
    );
  }
  if (field.choices.length === 0) {
    return (
      <Text color="yellow">Nothing to choose from yet for “{field.prompt}”. Esc to go back.</Text>
    );
  }
  const labels = field.choices.map((choice) => printable(choice.label));
  return (
    <Box flexDirection="column">
      <Text bold>{field.prompt}</Text>
      {field.kind === 'choice' ? (
        <SelectInput
          items={field.choices.map((choice, i) => ({
            key: choice.value,
            label: labels[i] ?? '',
            value: choice.value,
          }))}
          limit={Math.max(3, height - 3)}
          onSelect={(item) => {
            onAnswer(item.value);
          }}
        />
      ) : (
        <MultiChoice
          labels={labels}
          limit={Math.max(3, height - 4)}
          onSubmit={(chosen) => {
            if (chosen.length === 0) setProblem('Tick at least one with Space');
            else onAnswer(chosen.map((i) => field.choices[i]?.value ?? '').join('\n'));
          }}
        />
      )}
      {problem ? <Text color="red">✗ {problem}</Text> : null}
    </Box>
  );
}

export function ActionMenu({ world, height, onRun, onClose }: ActionMenuProps) {
  const [action, setAction] = useState<Action | undefined>(undefined);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  useInput((_input, key) => {
    if (key.escape) onClose();
  });
  if (action === undefined) {
    return (
      <Box flexDirection="column">
        <Text bold>Actions (each runs the aws command it stands for) · Esc back</Text>
        <SelectInput
          items={ACTIONS.map((a) => ({ key: a.id, label: a.title, value: a.id }))}
          limit={Math.max(3, height - 1)}
          onSelect={(item) => {
            setAction(ACTIONS.find((a) => a.id === item.value));
          }}
        />
      </Box>
    );
  }
  const field = nextField(action, world, answers);
  if (field === undefined) return null;
  return (
    <Box flexDirection="column">
      <Text bold>{action.title} · Esc back</Text>
      <FieldInput
        // A new field starts with its own cursor and no problem shown.
        key={field.name}
        field={field}
        height={height - 1}
        onAnswer={(value) => {
          const next = { ...answers, [field.name]: value };
          if (nextField(action, world, next) === undefined) onRun(action.command(next));
          else setAnswers(next);
        }}
      />
    </Box>
  );
}
