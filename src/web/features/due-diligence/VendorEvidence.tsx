import { Button, Modal } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { VendorT } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { evidenceDownloadUrl, useDeleteEvidence, useShareEvidence, useUploadEvidence, useVendorEvidenceList } from './api.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { EvidenceUploadForm } from './EvidenceUploadForm.tsx';
import type { EvidenceT } from './types.ts';

/** The vendor's documents (certificates, reports, NDA, DPA…) with validity, upload and delete. */
export function VendorEvidence({ vendor, canWrite }: { vendor: VendorT; canWrite: boolean }) {
  const list = useVendorEvidenceList(vendor.id);
  const upload = useUploadEvidence(vendor.id);
  const remove = useDeleteEvidence();
  const share = useShareEvidence();
  const setShared = (e: EvidenceT, sharedWithVendor: boolean) =>
    share.mutate(
      { id: e.id, sharedWithVendor },
      {
        onSuccess: (d) => notifications.show({ color: 'teal', title: sharedWithVendor ? 'Shared with the vendor' : 'No longer shared with the vendor', message: d.title }),
        onError: (err) => notifications.show({ color: 'red', title: 'Could not change who sees the document', message: errorMessage(err) }),
      },
    );
  const [opened, dialog] = useDisclosure(false);
  const [deleting, setDeleting] = useState<EvidenceT | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  // Counted only over a complete list: a partial count would understate what needs attention.
  const attention = list.hasMore ? 0 : list.items.filter((e) => e.validity === 'expired' || e.validity === 'expiring').length;

  return (
    <ListSection
      id="vendor-evidence"
      title="Evidence"
      hint={`Certificates, audit reports and agreements with their own validity dates.${attention > 0 ? ` ${attention} need${attention === 1 ? 's' : ''} attention.` : ''}`}
      actions={
        canWrite &&
        !vendor.archived && (
          <Button variant="light" leftSection={<IconUpload size={16} />} onClick={dialog.open}>
            Upload document
          </Button>
        )
      }
    >
      <ListView
        list={list}
        variant="section"
        noun={{ one: 'document', many: 'documents' }}
        what="the documents"
        empty={{
          icon: <IconFileCertificate size={24} />,
          title: 'No documents yet',
          description: `ISO 27001 certificates, SOC 2 reports, penetration tests, insurance certificates, the NDA and the DPA of ${vendor.name} belong here, uploaded by you or by the vendor in the portal.`,
        }}
      >
        {(items) => (
          <EvidenceList
            items={items}
            downloadUrl={evidenceDownloadUrl}
            onDelete={canWrite ? setDeleting : undefined}
            onShare={canWrite && !vendor.archived ? setShared : undefined}
            label={`Documents of ${vendor.name}`}
          />
        )}
      </ListView>
      <Modal opened={opened} onClose={dialog.close} title="Upload a document" size="lg" fullScreen={!!phone}>
        {opened && (
          <EvidenceUploadForm
            upload={(file, meta) => upload.mutateAsync({ file, meta })}
            askShared
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
    </ListSection>
  );
}
