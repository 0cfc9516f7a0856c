import { ActionIcon, Badge, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronDown, IconChevronRight, IconGitBranch, IconTrash } from '@tabler/icons-react';
import type { Condition } from '../../../domain/questionnaire/condition.ts';
import { QUESTION_TYPES, SEVERITIES, TOPICS, TOPIC_LABELS, type Question, type QuestionType, type Severity, type Topic } from '../../../domain/questionnaire/template.ts';
import { options } from '../../lib/labels.ts';
import { ChoicesEditor } from './ChoicesEditor.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import { changeType, countUnder, type DraftQuestion } from './editorModel.ts';
import { QUESTION_TYPE_LABELS, SEVERITY_LABELS } from './labels.ts';

interface Props {
  question: DraftQuestion;
  number: string;
  /** API path of the question, e.g. `definition.sections.0.questions.2`. */
  prefix: string;
  earlier: readonly Question[];
  errors: Record<string, string>;
  expanded: boolean;
  readOnly: boolean;
  onToggle: () => void;
  onChange: (q: DraftQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  isFirst: boolean;
  isLast: boolean;
}

const score01 = (v: string | number) => (typeof v === 'number' ? v : undefined);

/** One question: a compact row that opens into its editor. */
export function QuestionEditor({ question: q, number, prefix, earlier, errors, expanded, readOnly, onToggle, onChange, onMove, onRemove, isFirst, isLast }: Props) {
  const problems = countUnder(errors, prefix);
  const set = <K extends keyof Question>(k: K, v: Question[K]) => {
    const next = { ...q, [k]: v };
    if (v === undefined) delete next[k];
    onChange(next);
  };
  const err = (f: string) => errors[`${prefix}.${f}`];

  return (
    <Paper withBorder radius="md" p="xs" px="sm" id={`edit-${q._key}`} style={problems > 0 ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <UnstyledButton onClick={onToggle} aria-expanded={expanded} style={{ flex: 1, minWidth: 0 }} aria-label={`${expanded ? 'Close' : 'Edit'} question ${number}: ${q.text || 'untitled'}`}>
          <Group gap={6} wrap="nowrap">
            {expanded ? <IconChevronDown size={16} style={{ flexShrink: 0 }} /> : <IconChevronRight size={16} style={{ flexShrink: 0 }} />}
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {number}
            </Text>
            <Text size="sm" fw={500} truncate style={{ minWidth: 0 }} c={q.text ? undefined : 'dimmed'}>
              {q.text || 'Untitled question'}
            </Text>
          </Group>
        </UnstyledButton>
        <Group gap={4} wrap="nowrap">
          {problems > 0 && (
            <Badge color="red" variant="filled" size="sm">
              {problems} problem{problems === 1 ? '' : 's'}
            </Badge>
          )}
          {q.condition && (
            <Tooltip label="Shown only under a condition">
              <IconGitBranch size={16} aria-label="Conditional" />
            </Tooltip>
          )}
          <Badge variant="light" color="gray" size="sm" visibleFrom="sm">
            {QUESTION_TYPE_LABELS[q.type]}
          </Badge>
          <Badge variant="outline" color="gray" size="sm" visibleFrom="sm">
            w {q.weight}
          </Badge>
          {!readOnly && (
            <>
              <ActionIcon variant="subtle" size="sm" aria-label={`Move question ${number} up`} disabled={isFirst} onClick={() => onMove(-1)}>
                <IconArrowUp size={14} />
              </ActionIcon>
              <ActionIcon variant="subtle" size="sm" aria-label={`Move question ${number} down`} disabled={isLast} onClick={() => onMove(1)}>
                <IconArrowDown size={14} />
              </ActionIcon>
              <ActionIcon variant="subtle" size="sm" color="red" aria-label={`Delete question ${number}`} onClick={onRemove}>
                <IconTrash size={14} />
              </ActionIcon>
            </>
          )}
        </Group>
      </Group>
      {expanded && (
        <fieldset className="bare-fieldset" disabled={readOnly}>
          <Stack gap="sm" mt="sm" mb={4}>
            <Textarea label="Question" required autosize minRows={2} maxRows={6} value={q.text} onChange={(e) => set('text', e.currentTarget.value)} error={err('text')} data-autofocus />
            <Textarea label="Help text" description="Shown under the question in the portal." autosize minRows={1} maxRows={6} value={q.help ?? ''} onChange={(e) => set('help', e.currentTarget.value || undefined)} error={err('help')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select label="Type" data={options(QUESTION_TYPES, QUESTION_TYPE_LABELS)} value={q.type} allowDeselect={false} onChange={(v) => v && onChange(changeType(q, v as QuestionType))} error={err('type')} />
              <Select label="Topic" data={options(TOPICS, TOPIC_LABELS)} value={q.topic} allowDeselect={false} onChange={(v) => v && set('topic', v as Topic)} error={err('topic')} />
              <Select label="Severity of a bad answer" data={options(SEVERITIES, SEVERITY_LABELS)} value={q.severity} allowDeselect={false} onChange={(v) => v && set('severity', v as Severity)} error={err('severity')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput label="Weight" description="Points it is worth; 0 = not scored" min={0} max={100} step={1} value={q.weight} onChange={(v) => set('weight', typeof v === 'number' ? v : 0)} error={err('weight')} />
              <TextInput label="Id" description="Answers and conditions refer to it" ff="monospace" value={q.id} onChange={(e) => set('id', e.currentTarget.value.trim())} error={err('id')} />
              <Switch label="Required" mt={{ base: 0, sm: 30 }} checked={q.required} onChange={(e) => set('required', e.currentTarget.checked)} />
            </SimpleGrid>
            {q.type === 'yes_no' && (
              <SimpleGrid cols={2} spacing="sm">
                <NumberInput label="Score of “Yes”" min={0} max={1} step={0.1} decimalScale={2} placeholder="1 (default)" value={q.yesScore ?? ''} onChange={(v) => set('yesScore', score01(v))} error={err('yesScore')} />
                <NumberInput label="Score of “No”" min={0} max={1} step={0.1} decimalScale={2} placeholder="0 (default)" value={q.noScore ?? ''} onChange={(v) => set('noScore', score01(v))} error={err('noScore')} />
              </SimpleGrid>
            )}
            {(q.type === 'single_choice' || q.type === 'multiple_choice') && (
              <ChoicesEditor questionId={q.id} choices={q.choices ?? []} onChange={(c) => set('choices', c)} errors={errors} prefix={prefix} />
            )}
            {q.type === 'multiple_choice' && (
              <Select
                label="Score of several ticked choices"
                data={[
                  { value: 'weakest', label: 'The weakest choice ticked (default)' },
                  { value: 'strongest', label: 'The strongest choice ticked' },
                ]}
                value={q.scoreBy ?? 'weakest'}
                allowDeselect={false}
                onChange={(v) => set('scoreBy', v === 'strongest' ? 'strongest' : undefined)}
                error={err('scoreBy')}
              />
            )}
            <TextInput label="Finding for a bad answer" description="Title suggested when an answer scores below 0.5, e.g. “No MFA on admin accounts”." value={q.finding ?? ''} onChange={(e) => set('finding', e.currentTarget.value || undefined)} error={err('finding')} />
            <ConditionEditor label="Conditional display" condition={q.condition} earlier={earlier} onChange={(c: Condition | undefined) => set('condition', c)} error={err('condition')} />
            {errors[prefix] && (
              <Text size="xs" c="red" role="alert">
                {errors[prefix]}
              </Text>
            )}
          </Stack>
        </fieldset>
      )}
    </Paper>
  );
}
