import { Button, EmptyState, Group, Modal, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { VendorT } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { evidenceDownloadUrl, useDeleteEvidence, useUploadEvidence, useVendorEvidence } from './api.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { EvidenceUploadForm } from './EvidenceUploadForm.tsx';
import type { EvidenceT } from './types.ts';

/** The vendor's documents (certificates, reports, NDA, DPA…) with validity, upload and delete. */
export function VendorEvidence({ vendor, canWrite }: { vendor: VendorT; canWrite: boolean }) {
  const list = useVendorEvidence(vendor.id);
  const upload = useUploadEvidence(vendor.id);
  const remove = useDeleteEvidence();
  const [opened, dialog] = useDisclosure(false);
  const [deleting, setDeleting] = useState<EvidenceT | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  const items = list.data ?? [];
  const attention = items.filter((e) => e.validity === 'expired' || e.validity === 'expiring').length;

  return (
    <Stack gap="sm" component="section" aria-labelledby="vendor-evidence">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4" id="vendor-evidence">
            Evidence
          </Title>
          <Text size="sm" c="dimmed">
            Certificates, audit reports and agreements with their own validity dates.
            {attention > 0 ? ` ${attention} need${attention === 1 ? 's' : ''} attention.` : ''}
          </Text>
        </div>
        {canWrite && !vendor.archived && (
          <Button variant="light" leftSection={<IconUpload size={16} />} onClick={dialog.open}>
            Upload document
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Skeleton h={80} radius="md" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} what="the documents" />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState size="sm" icon={<IconFileCertificate size={24} />} title="No documents yet" description={`ISO 27001 certificates, SOC 2 reports, penetration tests, insurance certificates, the NDA and the DPA of ${vendor.name} belong here, uploaded by you or by the vendor in the portal.`} />
        </Paper>
      ) : (
        <EvidenceList items={items} downloadUrl={evidenceDownloadUrl} onDelete={canWrite ? setDeleting : undefined} label={`Documents of ${vendor.name}`} />
      )}
      <Modal opened={opened} onClose={dialog.close} title="Upload a document" size="lg" fullScreen={!!phone}>
        {opened && (
          <EvidenceUploadForm
            upload={(file, meta) => upload.mutateAsync({ file, meta })}
            pending={upload.isPending}
            onCancel={dialog.close}
            onDone={(e) => {
              notifications.show({ color: 'teal', title: 'Document uploaded', message: e.title });
              dialog.close();
            }}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={!!deleting}
        title={`Delete ${deleting?.title ?? 'the document'}?`}
        confirmLabel="Delete document"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => setDeleting(null),
            onError: (e) => notifications.show({ color: 'red', title: 'Could not delete the document', message: errorMessage(e) }),
          })
        }
      >
        The file is removed for good. Answers that attached it keep a reference to a missing document.
      </ConfirmDialog>
    </Stack>
  );
}
