import { Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ACCEPTED_FILES, formatBytes } from '../due-diligence/labels.ts';
import { sourcingKeys, type CandidateT, type ProjectT } from './api.ts';

type Proposal = NonNullable<CandidateT['proposal']>;
const enc = encodeURIComponent;

/**
 * The files that came with a proposal. While it is sealed they are listed by name only (who
 * attached what, so the recorder can check) and more can be attached; once opened they open.
 */
export function ProposalFiles({ candidate, proposal, canAttach }: { candidate: CandidateT; proposal: Proposal; canAttach: boolean }) {
  const qc = useQueryClient();
  const attach = useMutation({
    mutationFn: (file: File) => uploadFile<ProjectT>(`/sourcing-candidates/${enc(candidate.id)}/proposal/files`, file, { query: { fileName: file.name } }),
    onSuccess: (_p, file) => {
      void qc.invalidateQueries({ queryKey: sourcingKeys.all });
      notifications.show({ color: 'teal', title: 'File attached, sealed with the proposal', message: file.name });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'The file was not attached', message: errorMessage(err) }),
  });
  return (
    <Stack gap={4}>
      {proposal.files.map((f) => (
        <Group key={f.id} gap={6} wrap="wrap">
          {proposal.opened ? (
            <Anchor href={`/api/v1/sourcing-candidates/${enc(candidate.id)}/proposal/files/${enc(f.id)}/download`} size="sm">
              {f.fileName}
            </Anchor>
          ) : (
            <Group gap={4}>
              <IconLock size={14} aria-label="Sealed" />
              <Text size="sm">{f.fileName}</Text>
            </Group>
          )}
          <Text size="xs" c="dimmed">
            {formatBytes(f.sizeBytes)} · attached by {f.uploadedBy ?? 'someone'}, {formatDateTime(f.uploadedAt)}
          </Text>
        </Group>
      ))}
      {canAttach && !proposal.opened && (
        <FileButton onChange={(f) => f && attach.mutate(f)} accept={ACCEPTED_FILES}>
          {(props) => (
            <Button {...props} size="xs" variant="subtle" w="fit-content" leftSection={<IconPaperclip size={14} />} loading={attach.isPending}>
              Attach a file to the proposal
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}
