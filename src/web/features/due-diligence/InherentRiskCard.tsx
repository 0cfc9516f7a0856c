import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { inherentRisk, nextReviewDate, type CriticalityTier, type DataAccessLevel } from '../../../domain/questionnaire/risk.ts';
import { DATA_ACCESS_LABELS } from '../../../shared/contracts/vendors.ts';
import type { VendorT } from '../../api/types.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { formatDate } from '../../lib/format.ts';
import { TIER_LABELS } from '../../lib/labels.ts';
import { useDdOverview, useLastCompletedAssessment } from './api.ts';
import { RiskBadge, ScoreBadge } from './DdBadges.tsx';
import { daysUntil, todayIso } from './labels.ts';
import type { AssessmentSummaryT, ReviewRowT } from './types.ts';

/** The overview's row for this vendor, or the same computation here (archived and former vendors are not in the overview). */
function reviewRow(vendor: VendorT, rows: ReviewRowT[] | undefined, last: AssessmentSummaryT | null): ReviewRowT {
  const row = rows?.find((r) => r.vendorId === vendor.id);
  if (row) return row;
  const risk = inherentRisk(vendor.tier as CriticalityTier, vendor.dataAccess as DataAccessLevel);
  const today = todayIso();
  const next = nextReviewDate(last?.completedAt?.slice(0, 10) ?? null, risk, today);
  return {
    vendorId: vendor.id,
    vendorName: vendor.name,
    tier: vendor.tier,
    dataAccess: vendor.dataAccess,
    riskLevel: risk.level,
    reviewEveryMonths: risk.reviewEveryMonths,
    lastScore: last?.overallScore ?? null,
    lastCompletedAt: last?.completedAt ?? null,
    nextReviewDate: next,
    reviewDue: next <= today,
  };
}

function NextReview({ row }: { row: ReviewRowT }) {
  if (!row.lastCompletedAt) {
    return (
      <Group gap={6}>
        <Text size="sm">Now</Text>
        <Badge color="red" variant="light">
          Never assessed
        </Badge>
      </Group>
    );
  }
  const days = daysUntil(row.nextReviewDate);
  return (
    <Group gap={6}>
      <Text size="sm">{formatDate(row.nextReviewDate)}</Text>
      {row.reviewDue ? (
        <Badge color="red" variant="light">
          {days < 0 ? `${-days} days overdue` : 'Due now'}
        </Badge>
      ) : days <= 60 ? (
        <Badge color="orange" variant="light">
          In {days} days
        </Badge>
      ) : null}
    </Group>
  );
}

/** Inherent risk = criticality tier × data access; it sets how often the vendor must be reassessed. */
export function InherentRiskCard({ vendor }: { vendor: VendorT }) {
  const overview = useDdOverview();
  const last = useLastCompletedAssessment(vendor.id);
  if (overview.isPending || last.isPending) return <Skeleton h={140} radius="md" />;
  const row = reviewRow(vendor, overview.data?.reviews, last.data ?? null);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="inherent-risk">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="inherent-risk">
              Inherent risk
            </Title>
            <Text size="sm" c="dimmed">
              Criticality tier × data access, before any control is looked at. It sets how often {vendor.name} must be reassessed.
            </Text>
          </div>
          <RiskBadge level={row.riskLevel} />
        </Group>
        <DetailList
          cols={3}
          items={[
            { label: 'Criticality', value: TIER_LABELS[row.tier] ?? `Tier ${row.tier}` },
            { label: 'Data access', value: (DATA_ACCESS_LABELS as Record<string, string>)[row.dataAccess] ?? row.dataAccess },
            { label: 'Reassess every', value: `${row.reviewEveryMonths} months` },
            { label: 'Last completed review', value: row.lastCompletedAt ? formatDate(row.lastCompletedAt) : 'Never' },
            { label: 'Last score', value: <ScoreBadge score={row.lastScore} size="sm" /> },
            { label: 'Next review', value: <NextReview row={row} /> },
          ]}
        />
      </Stack>
    </Paper>
  );
}
