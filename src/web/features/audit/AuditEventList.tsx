import { ActionIcon, Anchor, Box, Collapse, Group, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AuditEventT } from '../../api/types.ts';
import { CardList } from '../../components/list/DataTable.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { nounInWords, verbOnItsPage } from '../../../shared/audit-words.ts';
import { AuditDiff } from './AuditDiff.tsx';

/** What a person calls the object: the name kept with the row, or one its snapshot holds. */
function objectName(e: AuditEventT): string | null {
  if (e.objectLabel) return e.objectLabel;
  // Rows written before names were kept: the snapshot may still hold one.
  for (const side of [e.after, e.before]) {
    if (!side || typeof side !== 'object') continue;
    for (const field of ['name', 'title', 'templateName', 'email']) {
      const value = (side as Record<string, unknown>)[field];
      if (typeof value === 'string' && value) return value;
    }
  }
  return null;
}

const LINKS: Record<string, (id: string) => string> = {
  vendor: (id) => `/vendors/${id}`,
  engagement: (id) => `/engagements/${id}`,
  assessment: (id) => `/assessments/${id}`,
  questionnaire: (id) => `/due-diligence/questionnaires/${id}`,
};

function ObjectLabel({ e }: { e: AuditEventT }) {
  const name = objectName(e);
  const label = name ?? `a${/^[aeiou]/.test(nounInWords(e.objectType)) ? 'n' : ''} ${nounInWords(e.objectType)} without a recorded name`;
  const link = e.objectId ? LINKS[e.objectType]?.(e.objectId) : undefined;
  return link ? (
    <Anchor component={Link} to={link} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
      {label}
    </Anchor>
  ) : (
    <Text span size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
      {label}
    </Text>
  );
}

/** "Name <email> (API token)" → the name in bold, the rest quieter. */
function Actor({ label }: { label: string }) {
  const m = /^(.*?) <([^>]+)>(.*)$/.exec(label);
  if (!m) {
    return (
      <Text span size="sm" fw={600}>
        {label}
      </Text>
    );
  }
  return (
    <Text span size="sm" title={m[2]}>
      <Text span fw={600} inherit>
        {m[1]}
      </Text>
      {m[3].trim() && (
        <Text span c="dimmed" inherit>
          {' '}
          {m[3].trim()}
        </Text>
      )}
    </Text>
  );
}

function EventRow({ e, showObject }: { e: AuditEventT; showObject: boolean }) {
  const [open, setOpen] = useState(false);
  const diffId = `audit-diff-${e.id}`;
  return (
    <>
      <Group gap="sm" wrap="nowrap" align="flex-start" py="xs" px="sm">
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={diffId}
          aria-label={open ? 'Hide changes' : 'Show changes'}
          mt={2}
        >
          {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
        </ActionIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Actor label={e.actorLabel} />
            <Text span size="sm">
              {showObject || !e.action.startsWith(`${e.objectType}.`) ? e.actionLabel : verbOnItsPage(e.action)}
            </Text>
            {showObject && <ObjectLabel e={e} />}
          </Group>
          <Text size="xs" c="dimmed">
            <TimeAgo value={e.createdAt} />
          </Text>
        </Stack>
      </Group>
      <Collapse expanded={open} id={diffId}>
        {open && (
          <Box px="sm" pb="sm" pl={{ base: 'sm', sm: 52 }}>
            <AuditDiff before={e.before} after={e.after} />
            {/* Codes and ids stay one click away for auditors, never in the sentence. */}
            <Text size="xs" c="dimmed" mt={6} style={{ overflowWrap: 'anywhere' }}>
              Recorded as {e.action}
              {e.objectId ? ` on ${e.objectType} ${e.objectId}` : ''}
              {e.requestId ? `, request ${e.requestId}` : ''}.
            </Text>
          </Box>
        )}
      </Collapse>
    </>
  );
}

/** Audit events, newest first, each expandable to its before/after. */
export function AuditEventList({ events, showObject = true }: { events: AuditEventT[]; showObject?: boolean }) {
  return <CardList divided items={events} itemKey={(e) => e.id} label="Audit events" render={(e) => <EventRow e={e} showObject={showObject} />} />;
}
