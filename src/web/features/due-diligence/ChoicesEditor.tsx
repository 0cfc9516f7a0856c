import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Choice } from '../../../domain/questionnaire/template.ts';

interface Props {
  questionId: string;
  choices: Choice[];
  onChange: (choices: Choice[]) => void;
  /** Errors by API path: `<prefix>.choices`, `<prefix>.choices.N.label` … */
  errors: Record<string, string>;
  prefix: string;
}

/** The answers of a choice question, each with the score it earns (0 = bad … 1 = good). */
export function ChoicesEditor({ questionId, choices, onChange, errors, prefix }: Props) {
  const set = (i: number, patch: Partial<Choice>) => onChange(choices.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const add = () => {
    const taken = new Set(choices.map((c) => c.id));
    let n = choices.length + 1;
    while (taken.has(`${questionId}_${n}`)) n++;
    onChange([...choices, { id: `${questionId}_${n}`, label: '', score: 0 }]);
  };
  return (
    <Stack gap={6}>
      <Group gap={6} justify="space-between">
        <Text size="sm" fw={500}>
          Choices and their scores
        </Text>
        <Text size="xs" c="dimmed">
          Score 1 = a good answer, 0 = a bad one
        </Text>
      </Group>
      {choices.map((c, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`Choice ${i + 1}`}
            placeholder={`Choice ${i + 1}`}
            style={{ flex: 1, minWidth: 0 }}
            value={c.label}
            onChange={(e) => set(i, { label: e.currentTarget.value })}
            error={errors[`${prefix}.choices.${i}.label`]}
          />
          <NumberInput aria-label={`Score of choice ${i + 1}`} w={84} min={0} max={1} step={0.1} decimalScale={2} value={c.score} onChange={(v) => set(i, { score: typeof v === 'number' ? v : 0 })} error={errors[`${prefix}.choices.${i}.score`]} />
          <TextInput aria-label={`Id of choice ${i + 1}`} w={{ base: 96, sm: 150 }} ff="monospace" size="sm" value={c.id} onChange={(e) => set(i, { id: e.currentTarget.value.trim() })} error={errors[`${prefix}.choices.${i}.id`]} visibleFrom="xs" />
          <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Remove choice ${i + 1}`} disabled={choices.length <= 1} onClick={() => onChange(choices.filter((_, j) => j !== i))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {errors[`${prefix}.choices`] && (
        <Text size="xs" c="red" role="alert">
          {errors[`${prefix}.choices`]}
        </Text>
      )}
      <Group>
        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={add}>
          Add choice
        </Button>
      </Group>
    </Stack>
  );
}
