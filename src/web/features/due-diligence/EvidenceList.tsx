import { ActionIcon, Anchor, Checkbox, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { CardList } from '../../components/list/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { ValidityBadge } from './DdBadges.tsx';
import { evidenceTypeLabel, formatBytes } from './labels.ts';
import type { EvidenceT } from './types.ts';

function validityRange(e: EvidenceT): string {
  if (!e.validFrom && !e.validUntil) return 'No validity dates';
  return `${e.validFrom ? formatDate(e.validFrom) : '…'} – ${e.validUntil ? formatDate(e.validUntil) : 'no end'}`;
}

/**
 * Documents with their type, issuer and validity. `downloadUrl` differs between the app
 * and the portal; downloads are always attachments, never rendered in the page.
 */
export function EvidenceList({
  items,
  downloadUrl,
  onDelete,
  label = 'Documents',
  compact = false,
  deleteLabel = 'Delete',
  onShare,
}: {
  items: EvidenceT[];
  downloadUrl: (id: string) => string;
  onDelete?: (e: EvidenceT) => void;
  label?: string;
  compact?: boolean;
  /** "Delete" (the file goes) or "Remove" (only detached from an answer). */
  deleteLabel?: string;
  /** The client's list: share a document with the vendor's portal, or take it back. */
  onShare?: (e: EvidenceT, shared: boolean) => void;
}) {
  return (
    <CardList
      items={items}
      itemKey={(e) => e.id}
      label={label}
      padding={compact ? 'xs' : 'sm'}
      render={(e) => (
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Anchor href={downloadUrl(e.id)} download size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {e.title}
              </Anchor>
              <ValidityBadge evidence={e} />
            </Group>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {[evidenceTypeLabel(e.type), e.issuer ? `issued by ${e.issuer}` : null, validityRange(e)].filter(Boolean).join(' · ')}
            </Text>
            {!compact && e.scope && (
              <Text size="xs" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                Scope: {e.scope}
              </Text>
            )}
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {e.fileName} · {formatBytes(e.sizeBytes)} · uploaded {formatDate(e.uploadedAt)}
            </Text>
            {onShare && (
              <Checkbox
                size="xs"
                mt={4}
                label={e.fromVendor ? 'Uploaded by the vendor in its portal, so it stays visible to the vendor' : 'Visible to the vendor in its portal'}
                checked={e.sharedWithVendor}
                disabled={e.fromVendor}
                onChange={(ev) => onShare(e, ev.currentTarget.checked)}
              />
            )}
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Download">
              <ActionIcon component="a" href={downloadUrl(e.id)} download variant="subtle" aria-label={`Download ${e.title}`}>
                <IconDownload size={18} />
              </ActionIcon>
            </Tooltip>
            {onDelete && (
              <Tooltip label={deleteLabel}>
                <ActionIcon variant="subtle" color="red" onClick={() => onDelete(e)} aria-label={`${deleteLabel} ${e.title}`}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
      )}
    />
  );
}
