import { Stack } from '@mantine/core';
import { roleCan } from '../../../shared/permissions.ts';
import type { EngagementTabProps } from '../engagements/tabs.tsx';
import { ActionsList } from './ActionsList.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import { MeetingsSection } from './MeetingsSection.tsx';
import { OverlapSection } from './OverlapSection.tsx';
import { ReviewsSection } from './Reviews.tsx';
import { StatusReportsSection } from './StatusReports.tsx';

/** The engagement's Governance tab: contacts and escalation, working-hours overlap, meetings and action items. */
export function EngagementGovernanceTab({ engagement, me }: EngagementTabProps) {
  const canWrite = roleCan(me.user.role, 'governance.write') && !engagement.archived;
  return (
    <Stack gap="xl">
      <ContactsSection engagementId={engagement.id} canWrite={canWrite} />
      <OverlapSection engagementId={engagement.id} />
      <MeetingsSection engagementId={engagement.id} vendorId={engagement.vendorId} vendorName={engagement.vendorName} canWrite={canWrite} />
      <ActionsList engagement={engagement} canWrite={canWrite} />
      <StatusReportsSection engagementId={engagement.id} />
      <ReviewsSection engagementId={engagement.id} canWrite={canWrite} />
    </Stack>
  );
}
