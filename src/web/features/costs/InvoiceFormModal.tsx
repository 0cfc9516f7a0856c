import { ActionIcon, Autocomplete, Button, Divider, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { lineAmount, quantityToMilli, QUANTITY_PATTERN } from '../../../domain/costs/fiscal.ts';
import { toDecimalString } from '../../../domain/money.ts';
import { RATE_UNIT_LABELS, RATE_UNITS } from '../../../shared/contracts/costs.ts';
import type { EngagementT } from '../../api/types.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useEngagementContracts } from '../deliverables/api.ts';
import { useVendorEngagementOptions } from '../engagements/api.ts';
import { CHANGE_STATUS_LABELS } from '../../../shared/contracts/change-requests.ts';
import { useCreateInvoice, useRateCard, useUpdateInvoice, type InvoiceDetailT } from './api.ts';
import { useEngagementChanges } from './change-api.ts';
import { COMMON_CURRENCIES, money, readAmount } from './money.tsx';

interface LineDraft {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
  tax: string;
  rateCardItemId: string | null;
  changeRequestId: string | null;
  /** Kept as it is when an invoice is edited (the form offers no milestone; the API takes one). */
  milestoneId: string | null;
  /** The SLA month (YYYY-MM) a service credit line credits; empty on a billed line. */
  creditMonth: string;
}
const blankLine = (): LineDraft => ({ description: '', quantity: '1', unit: 'day', unitPrice: '', amount: '', tax: '', rateCardItemId: null, changeRequestId: null, milestoneId: null, creditMonth: '' });
const plain = (amountMinor: number, currency: string) => toDecimalString({ amountMinor, currency });
/**
 * A stored line as the form shows it. An amount that is quantity × unit price is left blank,
 * as it was typed, so correcting the price corrects it; one that differs is kept as printed.
 */
const draftOf = (l: InvoiceDetailT['lines'][number], currency: string): LineDraft => ({
  description: l.description,
  quantity: l.quantity,
  unit: l.unit,
  unitPrice: plain(l.unitPriceMinor, currency),
  amount: l.amountMinor === lineAmount(quantityToMilli(l.quantity), l.unitPriceMinor) ? '' : plain(l.amountMinor, currency),
  tax: l.taxMinor ? plain(l.taxMinor, currency) : '',
  rateCardItemId: l.rateCardItemId,
  changeRequestId: l.changeRequestId,
  milestoneId: l.milestoneId,
  creditMonth: l.serviceCreditMonth ?? '',
});
/** The totals to show typed in: only those that are not what the lines add up to. */
function printedTotals(i: InvoiceDetailT) {
  const net = i.lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const tax = i.lines.reduce((sum, l) => sum + l.taxMinor, 0);
  return {
    net: i.subtotalMinor === net ? '' : plain(i.subtotalMinor, i.currency),
    tax: i.taxMinor === tax ? '' : plain(i.taxMinor, i.currency),
    total: i.totalMinor === i.subtotalMinor + i.taxMinor ? '' : plain(i.totalMinor, i.currency),
  };
}
const LINE_FIELDS = ['description', 'quantity', 'unit', 'unitPriceMinor', 'amountMinor', 'taxMinor', 'rateCardItemId', 'milestoneId', 'changeRequestId', 'serviceCreditMonth'];
/** A service credit line deducts: its amounts go to the API negative, however they were typed (−1,500.00 or 1,500.00). */
const deduct = (v: number | null, credit: boolean) => (v === null || !credit ? v : -Math.abs(v));
const BASE_FIELDS = ['number', 'invoiceDate', 'periodFrom', 'periodTo', 'currency', 'contractId', 'engagementId', 'vendorId', 'lines', 'subtotalMinor', 'taxMinor', 'totalMinor', 'note'];

/**
 * Enters a vendor's invoice by hand, line by line, with the totals as printed on it (blank:
 * the sum of the lines), or corrects one not yet approved. The checks run when it is saved;
 * the review page shows them.
 */
export function InvoiceFormModal({ engagement, invoice, onClose }: { engagement: { id: string | null } & Pick<EngagementT, 'vendorId' | 'vendorName'>; invoice?: InvoiceDetailT; onClose: () => void }) {
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  // An invoice imported without an engagement names one as it is corrected (its budget, contracts and changes follow).
  const [engagementId, setEngagementId] = useState<string | null>(engagement.id);
  const vendorEngagements = useVendorEngagementOptions(engagement.vendorId, engagement.id === null);
  const contracts = useEngagementContracts(engagementId ?? undefined);
  const [contractId, setContractId] = useState<string | null>(invoice?.contractId ?? null);
  const card = useRateCard(contractId);
  const changes = useEngagementChanges(engagementId);
  const changeChoices = (changes.data ?? []).filter((c) => c.status !== 'rejected').map((c) => ({ value: c.id, label: `${c.title} (${CHANGE_STATUS_LABELS[c.status].toLowerCase()})` }));
  const [number, setNumber] = useState(invoice?.number ?? '');
  const [invoiceDate, setInvoiceDate] = useState(invoice?.invoiceDate ?? '');
  const [periodFrom, setPeriodFrom] = useState(invoice?.periodFrom ?? '');
  const [periodTo, setPeriodTo] = useState(invoice?.periodTo ?? '');
  const [currency, setCurrency] = useState(invoice?.currency ?? 'EUR');
  const [lines, setLines] = useState<LineDraft[]>(invoice ? invoice.lines.map((l) => draftOf(l, invoice.currency)) : [blankLine()]);
  // An edited invoice keeps the totals printed on it where they differ from its lines (the arithmetic check); blank, they follow the lines.
  const [totals, setTotals] = useState(() => (invoice ? printedTotals(invoice) : { net: '', tax: '', total: '' }));
  const [note, setNote] = useState(invoice?.note ?? '');
  const fields = useMemo(() => [...BASE_FIELDS, ...lines.flatMap((_, i) => LINE_FIELDS.map((f) => `lines.${i}.${f}`))], [lines.length]); // eslint-disable-line react-hooks/exhaustive-deps
  const form = useFormErrors(fields);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const errors: Record<string, string | undefined> = { ...form.errors, ...typed };
  const create = useCreateInvoice();
  const update = useUpdateInvoice();
  const saving = create.isPending || update.isPending;

  const setLine = (i: number, patch: Partial<LineDraft>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  /** A line read as the API takes it; the amount defaults to quantity × unit price. */
  const read = (l: LineDraft) => {
    const credit = !!l.creditMonth;
    const typedPrice = readAmount(l.unitPrice, currency);
    const price = { ...typedPrice, value: deduct(typedPrice.value, credit) };
    const qOk = QUANTITY_PATTERN.test(l.quantity.trim());
    const computed = qOk && price.value !== null ? lineAmount(quantityToMilli(l.quantity), price.value) : null;
    const typedAmount = l.amount.trim() ? readAmount(l.amount, currency) : { value: computed, error: null };
    const amount = { ...typedAmount, value: deduct(typedAmount.value, credit) };
    const typedTax = readAmount(l.tax, currency);
    const tax = { ...typedTax, value: deduct(typedTax.value, credit) };
    return { price, qOk, amount, tax, computed };
  };
  const parsed = lines.map(read);
  const net = parsed.reduce((s, p) => s + (p.amount.value ?? 0), 0);
  const taxSum = parsed.reduce((s, p) => s + (p.tax.value ?? 0), 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad: Record<string, string> = {};
    parsed.forEach((p, i) => {
      if (!p.qOk) bad[`lines.${i}.quantity`] = 'A quantity such as 3 or 1.5 (at most three decimals)';
      if (p.price.error || p.price.value === null) bad[`lines.${i}.unitPriceMinor`] = p.price.error ?? 'Required';
      if (p.amount.error || p.amount.value === null) bad[`lines.${i}.amountMinor`] = p.amount.error ?? 'Required';
      if (p.tax.error) bad[`lines.${i}.taxMinor`] = p.tax.error;
    });
    const t = { net: readAmount(totals.net, currency), tax: readAmount(totals.tax, currency), total: readAmount(totals.total, currency) };
    if (t.net.error) bad.subtotalMinor = t.net.error;
    if (t.tax.error) bad.taxMinor = t.tax.error;
    if (t.total.error) bad.totalMinor = t.total.error;
    setTyped(bad);
    if (Object.keys(bad).length) return;
    const subtotalMinor = t.net.value ?? net;
    const taxMinor = t.tax.value ?? taxSum;
    const body = {
      engagementId,
      contractId,
      number: number.trim(),
      invoiceDate,
      periodFrom: periodFrom || null,
      periodTo: periodTo || null,
      currency,
      lines: lines.map((l, i) => ({
        description: l.description.trim(),
        quantity: l.quantity.trim(),
        unit: l.unit,
        unitPriceMinor: parsed[i].price.value,
        amountMinor: parsed[i].amount.value,
        taxMinor: parsed[i].tax.value ?? 0,
        rateCardItemId: l.rateCardItemId,
        changeRequestId: l.changeRequestId,
        milestoneId: l.milestoneId,
        serviceCreditMonth: l.creditMonth || null,
      })),
      subtotalMinor,
      taxMinor,
      totalMinor: t.total.value ?? subtotalMinor + taxMinor,
      note: note.trim() || null,
    };
    // The review page it opens (or stays on) shows the checks.
    const done = {
      onSuccess: (inv: InvoiceDetailT) => {
        onClose();
        if (!invoice) navigate(`/invoices/${inv.id}`);
      },
      onError: form.fromError,
    };
    if (invoice) update.mutate({ id: invoice.id, body }, done);
    else create.mutate({ ...body, vendorId: engagement.vendorId }, done);
  };

  const items = card.data ?? [];
  return (
    <Modal opened onClose={onClose} title={invoice ? `Correct invoice ${invoice.number} from ${engagement.vendorName}` : `Enter an invoice from ${engagement.vendorName}`} size="xl" fullScreen={!!phone}>
      <form onSubmit={submit} noValidate aria-label="Invoice">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The invoice was not saved" />
          {invoice && (
            <Text size="sm" c="dimmed">
              Saving runs every check again and the invoice starts over as received; its history keeps the lines as they were.
            </Text>
          )}
          {engagement.id === null && (
            <Select
              label="Engagement"
              description="The invoice names none: name it to hold the invoice against the engagement's budget, contracts and change requests."
              placeholder={vendorEngagements.isPending ? 'Loading engagements…' : 'None'}
              data={(vendorEngagements.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
              clearable
              value={engagementId}
              onChange={(v) => {
                setEngagementId(v);
                setContractId(null);
              }}
              error={errors.engagementId}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Invoice number" required value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={errors.number} />
            <TextInput type="date" label="Invoice date" required value={invoiceDate} onChange={(e) => setInvoiceDate(e.currentTarget.value)} error={errors.invoiceDate} />
            <Select label="Currency" data={COMMON_CURRENCIES} searchable allowDeselect={false} value={currency} onChange={(v) => v && setCurrency(v)} error={errors.currency} />
            <TextInput type="date" label="Period from" value={periodFrom} onChange={(e) => setPeriodFrom(e.currentTarget.value)} error={errors.periodFrom} />
            <TextInput type="date" label="Period to" value={periodTo} onChange={(e) => setPeriodTo(e.currentTarget.value)} error={errors.periodTo} />
            <Select
              label="Contract"
              description="Its rate card is what the lines are checked against."
              placeholder={contracts.isPending ? 'Loading contracts…' : 'None'}
              data={(contracts.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
              clearable
              value={contractId}
              onChange={setContractId}
              error={errors.contractId}
            />
          </SimpleGrid>
          <Divider label="Lines" labelPosition="left" />
          {lines.map((l, i) => {
            const p = parsed[i];
            const e = (f: string) => errors[`lines.${i}.${f}`];
            return (
              <Paper key={i} withBorder p="sm" radius="md" aria-label={`Line ${i + 1}`} role="group">
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Text size="sm" fw={600}>
                      Line {i + 1}
                    </Text>
                    {lines.length > 1 && (
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove line ${i + 1}`} onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                  <Autocomplete
                    label="Description"
                    required
                    data={[...new Set(items.map((x) => x.name))]}
                    value={l.description}
                    onChange={(v) => setLine(i, { description: v, rateCardItemId: null })}
                    onOptionSubmit={(name) => {
                      const item = items.find((x) => x.name === name && (!x.validTo || !invoiceDate || x.validTo >= invoiceDate) && (!x.validFrom || !invoiceDate || x.validFrom <= invoiceDate)) ?? items.find((x) => x.name === name);
                      if (item) setLine(i, { description: name, unit: item.unit, unitPrice: l.unitPrice || toDecimalString({ amountMinor: item.unitPriceMinor, currency: item.currency }), rateCardItemId: item.id });
                    }}
                    error={e('description') ?? e('rateCardItemId')}
                  />
                  <SimpleGrid cols={{ base: 2, sm: 5 }}>
                    <TextInput label="Quantity" value={l.quantity} onChange={(ev) => setLine(i, { quantity: ev.currentTarget.value })} error={e('quantity')} />
                    <Select label="Unit" data={RATE_UNITS.map((u) => ({ value: u, label: RATE_UNIT_LABELS[u] }))} allowDeselect={false} value={l.unit} onChange={(v) => v && setLine(i, { unit: v })} error={e('unit')} />
                    <TextInput label="Unit price" placeholder="650.00" value={l.unitPrice} onChange={(ev) => setLine(i, { unitPrice: ev.currentTarget.value })} error={e('unitPriceMinor')} />
                    <TextInput label="Amount" placeholder={money(p.computed ?? 0, currency)} value={l.amount} onChange={(ev) => setLine(i, { amount: ev.currentTarget.value })} error={e('amountMinor')} />
                    <TextInput label="Tax" placeholder="0.00" value={l.tax} onChange={(ev) => setLine(i, { tax: ev.currentTarget.value })} error={e('taxMinor')} />
                  </SimpleGrid>
                  <TextInput
                    type="month"
                    label="Service credit for"
                    description="Only for a credit the vendor deducts for a missed SLA: the month it is for. The line's amounts are then deducted, and the credit counts as received."
                    placeholder="YYYY-MM"
                    value={l.creditMonth}
                    onChange={(ev) => setLine(i, { creditMonth: ev.currentTarget.value })}
                    error={e('serviceCreditMonth')}
                  />
                  {changeChoices.length > 0 && (
                    <Select
                      label="Bills change request"
                      description="Extra work agreed as an approved change is not held to the rate card."
                      placeholder="None"
                      data={changeChoices}
                      clearable
                      value={l.changeRequestId}
                      onChange={(v) => setLine(i, { changeRequestId: v })}
                      error={e('changeRequestId')}
                    />
                  )}
                </Stack>
              </Paper>
            );
          })}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setLines((ls) => [...ls, blankLine()])}>
              Add line
            </Button>
          </Group>
          <Divider label="Totals as printed on the invoice" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Net total" description="Blank: the sum of the lines" placeholder={money(net, currency)} value={totals.net} onChange={(e) => { const netText = e.currentTarget.value; setTotals((t) => ({ ...t, net: netText })); }} error={errors.subtotalMinor} />
            <TextInput label="Tax" description="Blank: the tax of the lines" placeholder={money(taxSum, currency)} value={totals.tax} onChange={(e) => { const taxText = e.currentTarget.value; setTotals((t) => ({ ...t, tax: taxText })); }} error={errors.taxMinor} />
            <TextInput label="Total" description="Blank: net plus tax" placeholder={money(net + taxSum, currency)} value={totals.total} onChange={(e) => { const totalText = e.currentTarget.value; setTotals((t) => ({ ...t, total: totalText })); }} error={errors.totalMinor} />
          </SimpleGrid>
          <Textarea label="Note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {invoice ? 'Save invoice' : 'Enter invoice'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
