import { Anchor, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractDocument } from '../../../shared/contracts/contracts.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { api, errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { uploadFile } from '../../api/upload.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { ContractTabProps } from './tabs.tsx';

type Doc = z.infer<typeof ContractDocument>;
const KIND: Record<string, string> = { 'application/pdf': 'PDF', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document' };
const size = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** The signed documents of a contract: every version, newest first; a new upload becomes the next version. */
export function DocumentsCard({ contract: c, me }: ContractTabProps) {
  const canWrite = roleCan(me.user.role, 'contract.write') && !c.archived;
  const qc = useQueryClient();
  const key = [...keys.contract(c.id), 'documents'];
  const docs = useQuery({ queryKey: key, queryFn: () => api<{ items: Doc[] }>(`/contracts/${encodeURIComponent(c.id)}/documents`) });
  const upload = useMutation({
    mutationFn: (file: File) => uploadFile<Doc>(`/contracts/${encodeURIComponent(c.id)}/documents`, file, { query: { fileName: file.name } }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: key });
      notifications.show({ color: 'teal', title: `Version ${d.version} uploaded`, message: d.fileName });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'The document was not uploaded', message: errorMessage(err) }),
  });
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Signed documents
          </Title>
          {canWrite && (
            <FileButton onChange={(f) => f && upload.mutate(f)} accept="application/pdf,.pdf,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document">
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconUpload size={16} />} loading={upload.isPending}>
                  Upload a version
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {docs.data?.items.length ? (
          <Stack gap={6}>
            {docs.data.items.map((d) => (
              <Group key={d.id} gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  Version {d.version}
                </Text>
                <Anchor href={`/api/v1/contracts/${encodeURIComponent(c.id)}/documents/${encodeURIComponent(d.id)}/download`} size="sm">
                  {d.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {KIND[d.contentType] ?? 'Document'}, {size(d.sizeBytes)} · {d.uploadedByName ?? 'someone'}, {formatDateTime(d.uploadedAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No signed document yet. Upload the PDF or Word document; each upload is kept as a new version.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
