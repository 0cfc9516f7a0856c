import { Stack } from '@mantine/core';
import { roleCan } from '../../../shared/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { BudgetPositionsSection } from './BudgetPositionsSection.tsx';
import { ChangeRequestListSection, InvoiceListSection } from './CostLists.tsx';
import { ServiceCreditsSection } from './ServiceCredits.tsx';
import { SpendSection } from './SpendSection.tsx';

/** Costs across the portfolio: every engagement's budget against actual and forecast, the invoices to review and change requests to decide (or any others), spend by vendor and month, and service credits owed by every vendor and not yet received. */
export function CostsPortfolioPage() {
  usePageTitle('Costs');
  const me = useSession();
  return (
    <>
      <PageHeader title="Costs" description="Across every vendor and engagement. Amounts are never added across currencies." />
      <Stack gap="lg">
        <BudgetPositionsSection />
        <InvoiceListSection />
        <ChangeRequestListSection />
        <SpendSection />
        <ServiceCreditsSection canWrite={roleCan(me.user.role, 'cost.write')} withYear />
      </Stack>
    </>
  );
}
