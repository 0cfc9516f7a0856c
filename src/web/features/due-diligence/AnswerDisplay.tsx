import { Anchor, Group, List, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { isAnswered, type AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { FormQuestion as Question } from '../../../domain/questionnaire/form.ts';
import { formatDate } from '../../lib/format.ts';
import { ValidityBadge } from './DdBadges.tsx';
import type { EvidenceT } from './types.ts';

/** An answer as plain text: "Yes", a choice label, the vendor's text (rendered as text, never HTML). */
export function answerText(q: Question, value: AnswerValue | undefined): string | null {
  if (!isAnswered(value)) return null;
  const label = (id: string) => q.choices?.find((c) => c.id === id)?.label ?? id;
  switch (q.type) {
    case 'yes_no':
      return value === true ? 'Yes' : 'No';
    case 'single_choice':
      return label(value as string);
    case 'multiple_choice':
      return (value as string[]).map(label).join('; ');
    case 'date':
      return formatDate(value as string);
    case 'number':
      return (value as number).toLocaleString();
    case 'file':
      return `${(value as string[]).length} file(s)`;
    default:
      return String(value);
  }
}

/** The vendor's answer to one question; files become download links with their validity. */
export function AnswerDisplay({ question, value, evidence, downloadUrl }: { question: Question; value: AnswerValue | undefined; evidence: Map<string, EvidenceT>; downloadUrl: (id: string) => string }) {
  if (!isAnswered(value)) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        Not answered
      </Text>
    );
  }
  if (question.type === 'file') {
    return (
      <List size="sm" spacing={4} icon={<IconPaperclip size={14} />} center>
        {(value as string[]).map((id) => {
          const e = evidence.get(id);
          return (
            <List.Item key={id}>
              {e ? (
                <Group gap={6} wrap="wrap">
                  <Anchor href={downloadUrl(id)} download size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {e.title}
                  </Anchor>
                  <ValidityBadge evidence={e} />
                  {e.issuer && (
                    <Text span size="xs" c="dimmed">
                      {e.issuer}
                    </Text>
                  )}
                </Group>
              ) : (
                <Text span size="sm" c="dimmed">
                  A document that is no longer available
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    );
  }
  if (question.type === 'multiple_choice') {
    return (
      <List size="sm" spacing={2}>
        {(value as string[]).map((id) => (
          <List.Item key={id}>{question.choices?.find((c) => c.id === id)?.label ?? id}</List.Item>
        ))}
      </List>
    );
  }
  return (
    <Text size="sm" fw={question.type === 'yes_no' || question.type === 'single_choice' ? 600 : undefined} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {answerText(question, value)}
    </Text>
  );
}
