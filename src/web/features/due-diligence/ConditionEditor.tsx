import { Button, Code, Group, Select, Stack, Text } from '@mantine/core';
import { IconGitBranch, IconX } from '@tabler/icons-react';
import { formatCondition, type Condition } from '../../../domain/questionnaire/condition.ts';
import type { Question } from '../../../domain/questionnaire/template.ts';
import { conditionValues, fromSimple, toSimple } from './editorModel.ts';

const shorten = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Props {
  condition: Condition | undefined;
  /** Questions before this one: a condition may only read those. */
  earlier: readonly Question[];
  onChange: (c: Condition | undefined) => void;
  error?: string;
  label: string;
}

/**
 * "Show only when <earlier question> is / includes <value>" (or "is answered" for other
 * types). Conditions the simple builder cannot express stay as they are, shown read-only.
 */
export function ConditionEditor({ condition, earlier, onChange, error, label }: Props) {
  const simple = toSimple(condition, earlier);
  const candidates = earlier.filter((q) => q.text.trim() !== '');

  if (condition && !simple) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {formatCondition(condition)}
        </Code>
        <Text size="xs" c="dimmed">
          This condition is more complex than the builder edits (it came from an import or the JSON). It is kept as it is.
        </Text>
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconX size={12} />} onClick={() => onChange(undefined)}>
            Remove condition
          </Button>
        </Group>
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    );
  }

  if (!simple) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Always shown.
          </Text>
          <Button size="compact-xs" variant="light" leftSection={<IconGitBranch size={12} />} disabled={candidates.length === 0} onClick={() => candidates.length > 0 && onChange(fromSimple({ question: candidates.at(-1)!.id, value: '' }, candidates.at(-1)!))}>
            Show only when…
          </Button>
        </Group>
        {candidates.length === 0 && (
          <Text size="xs" c="dimmed">
            A condition reads an earlier question; this is the first one.
          </Text>
        )}
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    );
  }

  const source = earlier.find((q) => q.id === simple.question)!;
  const values = conditionValues(source);
  const verb = source.type === 'multiple_choice' ? 'includes' : values.length > 0 ? 'is' : 'is answered';
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Text size="sm" pb={6}>
          Show only when
        </Text>
        <Select
          aria-label="Earlier question"
          size="sm"
          w={{ base: '100%', sm: 300 }}
          searchable
          data={candidates.map((q) => ({ value: q.id, label: `${q.id} — ${shorten(q.text)}` }))}
          value={simple.question}
          allowDeselect={false}
          onChange={(id) => {
            const q = earlier.find((x) => x.id === id);
            if (q) onChange(fromSimple({ question: q.id, value: '' }, q));
          }}
        />
        <Text size="sm" pb={6}>
          {verb}
        </Text>
        {values.length > 0 && (
          <Select
            aria-label="Value"
            size="sm"
            w={{ base: '100%', sm: 200 }}
            data={values}
            value={simple.value || values[0]?.value}
            allowDeselect={false}
            onChange={(v) => v !== null && onChange(fromSimple({ question: source.id, value: v }, source))}
          />
        )}
        <Button size="sm" variant="subtle" color="red" onClick={() => onChange(undefined)} leftSection={<IconX size={14} />}>
          Always show
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
