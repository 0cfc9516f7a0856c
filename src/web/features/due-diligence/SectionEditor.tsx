import { ActionIcon, Button, Code, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { formatCondition } from '../../../domain/questionnaire/condition.ts';
import type { Question } from '../../../domain/questionnaire/template.ts';
import { move, newQuestion, type Draft, type DraftQuestion, type DraftSection } from './editorModel.ts';
import { QuestionEditor } from './QuestionEditor.tsx';

interface Props {
  draft: Draft;
  section: DraftSection;
  index: number;
  errors: Record<string, string>;
  expanded: ReadonlySet<string>;
  readOnly: boolean;
  onToggle: (key: string) => void;
  onChange: (s: DraftSection) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  earlierThan: (qi: number) => readonly Question[];
}

/** A section: its title and description, then its questions in order. */
export function SectionEditor({ draft, section: s, index: si, errors, expanded, readOnly, onToggle, onChange, onMove, onRemove, earlierThan }: Props) {
  const prefix = `definition.sections.${si}`;
  const setQuestion = (qi: number, q: DraftQuestion) => onChange({ ...s, questions: s.questions.map((x, j) => (j === qi ? q : x)) });
  const add = () => {
    const q = newQuestion(draft, s);
    onChange({ ...s, questions: [...s.questions, q] });
    onToggle(q._key);
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Section ${si + 1}: ${s.title || 'untitled'}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={650} size="lg">
            Section {si + 1}
          </Text>
          {!readOnly && (
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={`Move section ${si + 1} up`} disabled={si === 0} onClick={() => onMove(-1)}>
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" aria-label={`Move section ${si + 1} down`} disabled={si === draft.sections.length - 1} onClick={() => onMove(1)}>
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={`Delete section ${si + 1}`} disabled={draft.sections.length <= 1} onClick={onRemove}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        <fieldset className="bare-fieldset" disabled={readOnly}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label="Section title" required value={s.title} onChange={(e) => onChange({ ...s, title: e.currentTarget.value })} error={errors[`${prefix}.title`]} style={{ gridColumn: 'span 2' }} />
              <TextInput label="Section id" ff="monospace" value={s.id} onChange={(e) => onChange({ ...s, id: e.currentTarget.value.trim() })} error={errors[`${prefix}.id`]} />
            </SimpleGrid>
            <Textarea label="Description" autosize minRows={1} maxRows={5} value={s.description ?? ''} onChange={(e) => onChange({ ...s, description: e.currentTarget.value || undefined })} error={errors[`${prefix}.description`]} />
          </Stack>
        </fieldset>
        {s.condition && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              The whole section is shown only when
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code block style={{ flex: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {formatCondition(s.condition)}
              </Code>
              {!readOnly && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange({ ...s, condition: undefined })}>
                  Remove
                </Button>
              )}
            </Group>
            {errors[`${prefix}.condition`] && (
              <Text size="xs" c="red" role="alert">
                {errors[`${prefix}.condition`]}
              </Text>
            )}
          </Stack>
        )}
        {errors[prefix] && (
          <Text size="xs" c="red" role="alert">
            {errors[prefix]}
          </Text>
        )}
        <Stack gap={6}>
          {s.questions.map((q, qi) => (
            <QuestionEditor
              key={q._key}
              question={q}
              number={`${si + 1}.${qi + 1}`}
              prefix={`${prefix}.questions.${qi}`}
              earlier={expanded.has(q._key) ? earlierThan(qi) : []}
              errors={errors}
              expanded={expanded.has(q._key)}
              readOnly={readOnly}
              onToggle={() => onToggle(q._key)}
              onChange={(next) => setQuestion(qi, next)}
              onMove={(d) => onChange({ ...s, questions: move(s.questions, qi, qi + d) })}
              onRemove={() => onChange({ ...s, questions: s.questions.filter((_, j) => j !== qi) })}
              isFirst={qi === 0}
              isLast={qi === s.questions.length - 1}
            />
          ))}
          {s.questions.length === 0 && (
            <Text size="sm" c="dimmed">
              No questions in this section yet.
            </Text>
          )}
        </Stack>
        {!readOnly && (
          <Group>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={add}>
              Add question
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
