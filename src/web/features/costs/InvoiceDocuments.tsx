import { Anchor, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvoiceDocument } from '../../../shared/contracts/costs.ts';
import { api, errorMessage } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { formatDateTime } from '../../lib/format.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { costKeys } from './api.ts';

const size = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** The invoice as the vendor sent it: its PDF copies, newest first, to read beside the lines; a writer attaches one. */
export function InvoiceDocuments({ invoiceId, number, canAttach }: { invoiceId: string; number: string; canAttach: boolean }) {
  const qc = useQueryClient();
  const key = [...costKeys.invoice(invoiceId), 'documents'];
  const base = `/invoices/${encodeURIComponent(invoiceId)}/documents`;
  const docs = useQuery({ queryKey: key, queryFn: () => api<{ items: InvoiceDocument[] }>(base) });
  const attach = useMutation({
    mutationFn: (file: File) => uploadFile<InvoiceDocument>(base, file, { query: { fileName: file.name } }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: key });
      notifications.show({ color: 'teal', title: 'PDF attached', message: d.fileName });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'The PDF was not attached', message: errorMessage(err) }),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="invoice-pdf">
            The vendor&apos;s PDF
          </Title>
          {canAttach && (
            <FileButton onChange={(f) => f && attach.mutate(f)} accept="application/pdf,.pdf">
              {(props) => (
                <Button {...props} variant="light" size="xs" leftSection={<IconUpload size={14} />} loading={attach.isPending}>
                  Attach PDF
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {docs.isError ? (
          <QueryError error={docs.error} onRetry={() => docs.refetch()} what="the invoice's PDF" />
        ) : docs.data?.items.length ? (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="invoice-pdf">
            {docs.data.items.map((d) => (
              <Group key={d.id} gap="xs" wrap="wrap" component="li">
                <Anchor href={`/api/v1${base}/${encodeURIComponent(d.id)}/download`} size="sm">
                  {d.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  PDF, {size(d.sizeBytes)} · {d.uploadedByName ?? 'someone'}, {formatDateTime(d.uploadedAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No PDF of invoice {number} yet.{canAttach ? ' Attach the one the vendor sent, to read beside the lines.' : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
