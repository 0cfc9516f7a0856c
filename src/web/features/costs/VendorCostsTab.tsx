import { Stack } from '@mantine/core';
import type { VendorTabProps } from '../vendors/tabs.tsx';
import { BudgetPositionsSection } from './BudgetPositionsSection.tsx';
import { ChangeRequestListSection, InvoiceListSection } from './CostLists.tsx';
import { SpendSection } from './SpendSection.tsx';

/** The vendor's Costs tab: its engagements' budgets against actual, its spend by month, its invoices with their checks, its change requests. */
export function VendorCostsTab({ vendor }: VendorTabProps) {
  return (
    <Stack gap="xl">
      <BudgetPositionsSection vendorId={vendor.id} />
      <SpendSection vendorId={vendor.id} />
      <InvoiceListSection vendorId={vendor.id} />
      <ChangeRequestListSection vendorId={vendor.id} />
    </Stack>
  );
}
