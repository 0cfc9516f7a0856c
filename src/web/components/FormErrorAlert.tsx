import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { GeneralError } from '../lib/forms.ts';

/** The general error of a form: the API's message plus any issue no field could show. */
export function FormErrorAlert({ error, title = 'Could not save' }: { error: GeneralError | null; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={title} role="alert">
      <Text size="sm">{error.message}</Text>
      {error.issues.length > 0 && (
        <List size="sm" mt={4}>
          {error.issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </List.Item>
          ))}
        </List>
      )}
      {error.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Request id {error.requestId}
        </Text>
      )}
    </Alert>
  );
}
