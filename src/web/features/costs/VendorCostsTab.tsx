import { Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { formatDate } from '../../lib/format.ts';
import type { VendorTabProps } from '../vendors/tabs.tsx';
import { useInvoiceList, type InvoiceT } from './api.ts';
import { useChangeRequestList, type ChangeRequestT } from './change-api.ts';
import { ChangeStatusBadge } from './ChangeRequestSection.tsx';
import { ChecksInWords, InvoiceStatusBadge, money } from './money.tsx';
import { BudgetPositionsSection } from './BudgetPositionsSection.tsx';
import { SpendSection } from './SpendSection.tsx';

/** The vendor's Costs tab: its engagements' budgets against actual, its spend by month, its invoices with their checks, its change requests. */
export function VendorCostsTab({ vendor }: VendorTabProps) {
  const invoices = useInvoiceList({ vendorId: vendor.id });
  const changes = useChangeRequestList({ vendorId: vendor.id });
  return (
    <Stack gap="xl">
      <BudgetPositionsSection vendorId={vendor.id} />
      <SpendSection vendorId={vendor.id} />
      <ListSection id="vendor-invoices" title="Invoices" hint="Every invoice of the vendor, newest first, with its checks.">
        <ListView list={invoices} variant="section" noun={{ one: 'invoice', many: 'invoices' }} empty="No invoices from this vendor yet.">
          {(items) => (
            <DataTable
              label="Invoices"
              minWidth={760}
              rows={items}
              rowKey={(i: InvoiceT) => i.id}
              columns={[
                { key: 'number', header: 'Invoice', cell: (i: InvoiceT) => <Anchor component={Link} to={`/invoices/${i.id}`}>{i.number}</Anchor> },
                { key: 'engagement', header: 'Engagement', cell: (i: InvoiceT) => i.engagementName ?? '—' },
                { key: 'date', header: 'Date', cell: (i: InvoiceT) => formatDate(i.invoiceDate) },
                { key: 'total', header: 'Total', align: 'right', cell: (i: InvoiceT) => money(i.totalMinor, i.currency) },
                { key: 'status', header: 'Status', cell: (i: InvoiceT) => <InvoiceStatusBadge status={i.status} /> },
                { key: 'checks', header: 'Checks', cell: (i: InvoiceT) => <ChecksInWords invoice={i} /> },
              ]}
            />
          )}
        </ListView>
      </ListSection>
      <ListSection id="vendor-changes" title="Change requests" hint="Raised by you or by the vendor, on any of its engagements.">
        <ListView list={changes} variant="section" noun={{ one: 'change request', many: 'change requests' }} empty="No change requests with this vendor yet.">
          {(items) => (
            <DataTable
              label="Change requests"
              minWidth={640}
              rows={items}
              rowKey={(c: ChangeRequestT) => c.id}
              columns={[
                { key: 'title', header: 'Change', cell: (c: ChangeRequestT) => <Anchor component={Link} to={`/change-requests/${c.id}`}>{c.title}</Anchor> },
                { key: 'engagement', header: 'Engagement', cell: (c: ChangeRequestT) => c.engagementName },
                { key: 'total', header: 'Whole cost', align: 'right', cell: (c: ChangeRequestT) => money(c.totalMinor, c.currency) },
                { key: 'status', header: 'Status', cell: (c: ChangeRequestT) => <ChangeStatusBadge status={c.status} /> },
              ]}
            />
          )}
        </ListView>
      </ListSection>
    </Stack>
  );
}
