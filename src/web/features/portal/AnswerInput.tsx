import { Checkbox, Group, NumberInput, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { ANSWER_LIMITS, type AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { FormQuestion as Question } from '../../../domain/questionnaire/form.ts';

/** How long to wait after the last keystroke before saving typed answers; choices save at once. */
export const TYPING_DELAY_MS = 800;

interface Props {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue, delayMs: number) => void;
  onBlur: () => void;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  required: boolean;
}

/** The input for one question by its type (files are handled by FileAnswer). */
export function AnswerInput({ question: q, value, onChange, onBlur, label, description, error, required }: Props) {
  const common = { label, description, error: error ?? undefined, required };
  switch (q.type) {
    case 'yes_no':
      return (
        <Radio.Group {...common} value={value === true ? 'yes' : value === false ? 'no' : ''} onChange={(v) => onChange(v === 'yes', 0)}>
          <Group gap="lg" mt={6}>
            <Radio value="yes" label="Yes" size="md" />
            <Radio value="no" label="No" size="md" />
          </Group>
        </Radio.Group>
      );
    case 'single_choice':
      return (
        <Radio.Group {...common} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v, 0)}>
          <Stack gap={10} mt={6}>
            {(q.choices ?? []).map((c) => (
              <Radio key={c.id} value={c.id} label={c.label} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v.length > 0 ? v : null, 0)}>
          <Stack gap={10} mt={6}>
            {(q.choices ?? []).map((c) => (
              <Checkbox key={c.id} value={c.id} label={c.label} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'short_text':
      return <TextInput {...common} maxLength={ANSWER_LIMITS.shortText} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value, TYPING_DELAY_MS)} onBlur={onBlur} />;
    case 'long_text':
      return <Textarea {...common} autosize minRows={3} maxRows={14} maxLength={ANSWER_LIMITS.longText} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value, TYPING_DELAY_MS)} onBlur={onBlur} />;
    case 'number':
      return <NumberInput {...common} w={{ base: '100%', xs: 220 }} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null, TYPING_DELAY_MS)} onBlur={onBlur} />;
    case 'date':
      return <DatePickerInput {...common} w={{ base: '100%', xs: 220 }} valueFormat="D MMM YYYY" placeholder="Pick a date" clearable value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v ?? null, 0)} />;
    default:
      return null;
  }
}
