import { Anchor, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { formatDate } from '../../lib/format.ts';
import { useInvoiceList, type InvoiceT } from './api.ts';
import { useChangeRequestList, type ChangeRequestT } from './change-api.ts';
import { ChangeStatusBadge } from './ChangeRequestSection.tsx';
import { ChecksInWords, InvoiceStatusBadge, money } from './money.tsx';

/** Which invoices a list shows: those waiting for the client first, as the dashboard counts them. */
const INVOICE_VIEWS = [
  { value: 'review', label: 'To review', status: 'received,checked' },
  { value: 'disputed', label: 'Disputed', status: 'disputed' },
  { value: 'approved', label: 'Approved, unpaid', status: 'approved' },
  { value: 'paid', label: 'Paid', status: 'paid' },
  { value: 'all', label: 'All', status: null },
] as const;
const CHANGE_VIEWS = [
  { value: 'decide', label: 'To decide', status: 'proposed,under_review' },
  { value: 'approved', label: 'Approved', status: 'approved,implemented' },
  { value: 'all', label: 'All', status: null },
] as const;

/**
 * Invoices, newest first, with their checks: one vendor's (every state), or across the
 * portfolio with a choice of state, to-review first.
 */
export function InvoiceListSection({ vendorId }: { vendorId?: string }) {
  const [view, setView] = useState<(typeof INVOICE_VIEWS)[number]['value']>(vendorId ? 'all' : 'review');
  const status = INVOICE_VIEWS.find((v) => v.value === view)!.status;
  const invoices = useInvoiceList({ ...(vendorId ? { vendorId } : {}), ...(status ? { status } : {}) });
  return (
    <ListSection
      id={vendorId ? 'vendor-invoices' : 'invoices'}
      title="Invoices"
      hint={vendorId ? 'Every invoice of the vendor, newest first, with its checks.' : 'From every vendor, newest first, with their checks.'}
      actions={<SegmentedControl size="xs" aria-label="Invoices to show" value={view} onChange={(v) => setView(v as typeof view)} data={INVOICE_VIEWS.map(({ value, label }) => ({ value, label }))} />}
    >
      <ListView list={invoices} variant="section" showCount noun={{ one: 'invoice', many: 'invoices' }} empty={view === 'all' ? (vendorId ? 'No invoices from this vendor yet.' : 'No invoices yet.') : 'No invoices in this state.'}>
        {(items) => (
          <DataTable
            label="Invoices"
            minWidth={vendorId ? 760 : 900}
            rows={items}
            rowKey={(i: InvoiceT) => i.id}
            columns={[
              { key: 'number', header: 'Invoice', cell: (i: InvoiceT) => <Anchor component={Link} to={`/invoices/${i.id}`}>{i.number}</Anchor> },
              ...(vendorId ? [] : [{ key: 'vendor', header: 'Vendor', cell: (i: InvoiceT) => i.vendorName }]),
              { key: 'engagement', header: 'Engagement', cell: (i: InvoiceT) => i.engagementName ?? '—' },
              { key: 'date', header: 'Date', cell: (i: InvoiceT) => formatDate(i.invoiceDate) },
              { key: 'total', header: 'Total', align: 'right' as const, cell: (i: InvoiceT) => money(i.totalMinor, i.currency) },
              { key: 'status', header: 'Status', cell: (i: InvoiceT) => <InvoiceStatusBadge status={i.status} /> },
              { key: 'checks', header: 'Checks', cell: (i: InvoiceT) => <ChecksInWords invoice={i} /> },
            ]}
          />
        )}
      </ListView>
    </ListSection>
  );
}

/** Change requests, raised by the client or the vendor: one vendor's (every state), or across the portfolio, those to decide first. */
export function ChangeRequestListSection({ vendorId }: { vendorId?: string }) {
  const [view, setView] = useState<(typeof CHANGE_VIEWS)[number]['value']>(vendorId ? 'all' : 'decide');
  const status = CHANGE_VIEWS.find((v) => v.value === view)!.status;
  const changes = useChangeRequestList({ ...(vendorId ? { vendorId } : {}), ...(status ? { status } : {}) });
  return (
    <ListSection
      id={vendorId ? 'vendor-changes' : 'changes'}
      title="Change requests"
      hint={vendorId ? 'Raised by you or by the vendor, on any of its engagements.' : 'Raised by you or by your vendors, on every engagement.'}
      actions={<SegmentedControl size="xs" aria-label="Change requests to show" value={view} onChange={(v) => setView(v as typeof view)} data={CHANGE_VIEWS.map(({ value, label }) => ({ value, label }))} />}
    >
      <ListView list={changes} variant="section" showCount noun={{ one: 'change request', many: 'change requests' }} empty={view === 'all' ? (vendorId ? 'No change requests with this vendor yet.' : 'No change requests yet.') : 'No change requests in this state.'}>
        {(items) => (
          <DataTable
            label="Change requests"
            minWidth={vendorId ? 640 : 820}
            rows={items}
            rowKey={(c: ChangeRequestT) => c.id}
            columns={[
              { key: 'title', header: 'Change', cell: (c: ChangeRequestT) => <Anchor component={Link} to={`/change-requests/${c.id}`}>{c.title}</Anchor> },
              ...(vendorId ? [] : [{ key: 'vendor', header: 'Vendor', cell: (c: ChangeRequestT) => c.vendorName }]),
              { key: 'engagement', header: 'Engagement', cell: (c: ChangeRequestT) => c.engagementName },
              { key: 'total', header: 'Whole cost', align: 'right' as const, cell: (c: ChangeRequestT) => money(c.totalMinor, c.currency) },
              { key: 'status', header: 'Status', cell: (c: ChangeRequestT) => <ChangeStatusBadge status={c.status} /> },
            ]}
          />
        )}
      </ListView>
    </ListSection>
  );
}
