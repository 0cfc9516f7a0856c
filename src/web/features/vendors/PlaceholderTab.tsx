import { Badge, EmptyState, Paper } from '@mantine/core';
import {
  IconAlertTriangle,
  IconDoorExit,
  IconFileText,
  IconReceipt,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Placeholder {
  title: string;
  description: (vendor: string) => string;
  icon: ReactNode;
}

/** What each later tab will hold, so the page already explains the whole product (registered in tabs.tsx). */
const PLACEHOLDERS: Record<string, Placeholder> = {
  contracts: {
    title: 'No contracts yet',
    icon: <IconFileText size={28} />,
    description: (v) =>
      `Contracts with ${v} (MSA, SOW, NDA, DPA, orders) will appear here with their key dates (renewal, notice deadline) and a clause checklist: scope, confidentiality, IP, penalties, audit, data protection and exit assistance.`,
  },
  costs: {
    title: 'No costs yet',
    icon: <IconReceipt size={28} />,
    description: (v) =>
      `Budget against actual spend with ${v} will appear here: invoices, change requests with their cost and schedule impact, and alerts when spend overruns.`,
  },
  risks: {
    title: 'No risks yet',
    icon: <IconAlertTriangle size={28} />,
    description: (v) =>
      `The risk register for ${v} will appear here: likelihood × impact, mitigations and owners, including risks raised automatically from signals such as an expired certificate, a missing exit clause or repeated SLA breaches.`,
  },
  exit: {
    title: 'No exit plan yet',
    icon: <IconDoorExit size={28} />,
    description: (v) =>
      `The exit plan for ${v} will appear here as a runnable checklist (knowledge transfer, source code, licences, documentation, data return, access revocation) with its measured readiness.`,
  },
};

export function PlaceholderTab({ tab, vendorName }: { tab: string; vendorName: string }) {
  const p = PLACEHOLDERS[tab];
  if (!p) return null;
  return (
    <Paper withBorder radius="md" p={{ base: 'lg', sm: 48 }}>
      <EmptyState icon={p.icon} variant="light" title={p.title} description={p.description(vendorName)} maw={620} mx="auto">
        <EmptyState.Actions>
          <Badge variant="light" color="gray">
            Coming in a later release
          </Badge>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
