import type { EngagementTabProps } from '../engagements/tabs.tsx';
import { PlanView } from './PlanView.tsx';

/** The engagement's milestones, deliverables (review them here) and payment schedule. */
export function EngagementDeliverablesTab({ engagement, me }: EngagementTabProps) {
  return <PlanView scope={{ engagementId: engagement.id }} me={me} />;
}
