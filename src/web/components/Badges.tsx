import { Badge } from '@mantine/core';
import {
  CRITICALITY_COLORS,
  CRITICALITY_LABELS,
  ENGAGEMENT_STATUS_COLORS,
  ENGAGEMENT_STATUS_LABELS,
  TIER_COLORS,
  VENDOR_STATUS_COLORS,
  VENDOR_STATUS_LABELS,
} from '../lib/labels.ts';

export function VendorStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={VENDOR_STATUS_COLORS[status] ?? 'gray'}>
      {VENDOR_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}

export function TierBadge({ tier }: { tier: number }) {
  return (
    <Badge variant="outline" color={TIER_COLORS[tier] ?? 'gray'} aria-label={`Tier ${tier}`}>
      Tier {tier}
    </Badge>
  );
}

export function EngagementStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={ENGAGEMENT_STATUS_COLORS[status] ?? 'gray'}>
      {ENGAGEMENT_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}

export function CriticalityBadge({ criticality }: { criticality: string }) {
  return (
    <Badge variant="dot" color={CRITICALITY_COLORS[criticality] ?? 'gray'}>
      {CRITICALITY_LABELS[criticality] ?? criticality}
    </Badge>
  );
}

export function ArchivedBadge() {
  return (
    <Badge variant="filled" color="gray">
      Archived
    </Badge>
  );
}
