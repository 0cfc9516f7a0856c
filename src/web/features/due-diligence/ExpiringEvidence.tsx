import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CardList } from '../../components/list/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { evidenceDownloadUrl } from './api.ts';
import { evidenceTypeLabel, expiryBucket, expiryText } from './labels.ts';
import type { EvidenceT } from './types.ts';

type Item = EvidenceT & { vendorName: string };

const GROUPS = [
  { key: 'expired', title: 'Expired', color: 'red' },
  { key: 7, title: 'Within 7 days', color: 'red' },
  { key: 30, title: 'Within 30 days', color: 'orange' },
  { key: 60, title: 'Within 60 days', color: 'yellow' },
] as const;

/** Evidence about to expire, grouped by the 60 / 30 / 7-day alerts (and what already lapsed). */
export function ExpiringEvidence({ items }: { items: Item[] }) {
  const sorted = [...items].sort((a, b) => (a.validUntil ?? '').localeCompare(b.validUntil ?? ''));
  return (
    <Stack gap="md">
      {GROUPS.map((g) => {
        const rows = sorted.filter((e) => expiryBucket(e.validUntil) === g.key);
        if (rows.length === 0) return null;
        return (
          <Stack gap="xs" key={String(g.key)}>
            <Group gap={6}>
              <Title order={3} size="h6">
                {g.title}
              </Title>
              <Badge size="sm" variant="light" color={g.color}>
                {rows.length}
              </Badge>
            </Group>
            <CardList
              items={rows}
              itemKey={(e) => e.id}
              label={`Evidence: ${g.title.toLowerCase()}`}
              padding="xs"
              render={(e) => (
                <Group justify="space-between" gap="xs" wrap="wrap" px={4}>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Anchor href={evidenceDownloadUrl(e.id)} download size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {e.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      <Anchor component={Link} to={`/vendors/${e.vendorId}/assessments`} size="xs">
                        {e.vendorName}
                      </Anchor>{' '}
                      · {evidenceTypeLabel(e.type)}
                      {e.issuer ? ` · ${e.issuer}` : ''}
                    </Text>
                  </Stack>
                  <Text size="xs" c={g.color === 'yellow' ? undefined : g.color} fw={600} title={e.validUntil ? `Valid until ${formatDate(e.validUntil)}` : undefined}>
                    {expiryText(e)} ({formatDate(e.validUntil)})
                  </Text>
                </Group>
              )}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
