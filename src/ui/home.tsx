// Home: the course's (or the lesson pack's) title and description, how many lessons are done,
// and the list to choose from (home-list.ts), with its keys on `?`.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import SelectInput from 'ink-select-input';
import { homeList, type HomeChoice, type HomeSection } from './home-list.js';
import { HOME_KEYS, KeysHelp } from './keys-help.js';
import { printable } from './printable.js';

export function Home({
  title,
  description,
  sections,
  onChoose,
}: {
  title: string;
  description: string | undefined;
  sections: readonly HomeSection[];
  onChoose: (choice: HomeChoice) => void;
}) {
  const [help, setHelp] = useState(false);
  useInput((input, key) => {
    if (input === '?') setHelp((shown) => !shown);
    else if (key.escape) setHelp(false);
  });
  const { items, lessons, completed } = homeList(sections);
  return (
    <Box flexDirection="column">
      <Text bold>{printable(title)}</Text>
      {description === undefined ? null : <Text>{printable(description)}</Text>}
      <Text dimColor>
        {lessons === 0 ? 'No lessons found.' : `${completed} of ${lessons} lessons completed`}
      </Text>
      <Box marginTop={1}>
        <SelectInput
          items={items}
          onSelect={(item) => {
            onChoose(item.value);
          }}
        />
      </Box>
      {help ? (
        <KeysHelp keys={HOME_KEYS} />
      ) : (
        <Text dimColor>?: keys · Enter: choose · Ctrl+C: quit</Text>
      )}
    </Box>
  );
}
