import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fiscalMonths, monthLabel } from '../../../domain/costs/fiscal.ts';
import { toDecimalString } from '../../../domain/money.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useCostSettings, useCreateBudget, useUpdateBudget, type BudgetT } from './api.ts';
import { COMMON_CURRENCIES, money, readAmount } from './money.tsx';

const FIELDS = ['label', 'amountMinor', 'currency', 'monthlyMinor', 'spendType', 'fiscalYear'] as const;

const plain = (amountMinor: number, currency: string) => toDecimalString({ amountMinor, currency });

/**
 * Adds a budget for one fiscal year (an amount spread evenly, or twelve monthly amounts), or
 * edits one: its amounts, phasing, name and tag, as the change requests approved into it left them.
 */
export function BudgetFormModal({ engagementId, fiscalYear, budget, onClose }: { engagementId: string; fiscalYear: number; budget?: BudgetT; onClose: () => void }) {
  const settings = useCostSettings();
  const [year, setYear] = useState<number | string>(budget?.fiscalYear ?? fiscalYear);
  const [label, setLabel] = useState(budget?.label ?? 'Budget');
  const [currency, setCurrency] = useState(budget?.currency ?? settings.data?.baseCurrency ?? 'EUR');
  const [amount, setAmount] = useState(budget ? plain(budget.amountMinor, budget.currency) : '');
  const [phasing, setPhasing] = useState<'even' | 'monthly'>(budget?.phasing ?? 'even');
  const [months, setMonths] = useState<string[]>(budget?.phasing === 'monthly' ? budget.months.map((m) => plain(m.amountMinor, budget.currency)) : Array(12).fill(''));
  const [spendType, setSpendType] = useState<string | null>(budget?.spendType ?? null);
  const form = useFormErrors(FIELDS);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const errors = { ...form.errors, ...typed };
  const create = useCreateBudget();
  const update = useUpdateBudget();
  const saving = create.isPending || update.isPending;
  const start = settings.data?.fiscalYearStartMonth ?? 1;
  const labels = fiscalMonths(Number(year) || fiscalYear, start).map(monthLabel);
  const monthly = months.map((m) => readAmount(m, currency));
  const monthlySum = monthly.reduce((s, m) => s + (m.value ?? 0), 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const total = phasing === 'monthly' ? { value: monthlySum, error: null } : readAmount(amount, currency);
    if (phasing === 'monthly' && monthly.some((m) => m.error)) return setTyped({ monthlyMinor: 'Check the monthly amounts marked in red.' });
    if (total.error || total.value === null) return setTyped({ amountMinor: total.error ?? 'Required' });
    setTyped({});
    const fields = { fiscalYear: Number(year), label, currency, amountMinor: total.value, phasing, monthlyMinor: phasing === 'monthly' ? monthly.map((m) => m.value ?? 0) : null, spendType };
    const done = {
      onSuccess: (b: BudgetT) => {
        notifications.show({ color: 'teal', title: budget ? 'Budget saved' : 'Budget added', message: `${b.label}: ${money(b.amountMinor, b.currency)}` });
        onClose();
      },
      onError: form.fromError,
    };
    if (budget) update.mutate({ id: budget.id, body: fields }, done);
    else create.mutate({ engagementId, ...fields, monthlyMinor: fields.monthlyMinor ?? undefined }, done);
  };

  return (
    <Modal opened onClose={onClose} title={budget ? `Edit budget "${budget.label}"` : 'Add budget'} size="lg">
      <form onSubmit={submit} noValidate aria-label="Budget">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The budget was not saved" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" required value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} />
            <NumberInput label="Fiscal year" description={settings.data?.currentFiscalYearLabel ? `Now: ${settings.data.currentFiscalYearLabel}` : undefined} value={year} onChange={setYear} min={2000} max={2200} error={errors.fiscalYear} />
            <Select label="Currency" data={COMMON_CURRENCIES} searchable value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} error={errors.currency} />
            <Select label="CAPEX or OPEX" placeholder="Not tagged" data={[{ value: 'capex', label: 'CAPEX' }, { value: 'opex', label: 'OPEX' }]} clearable value={spendType} onChange={setSpendType} />
          </SimpleGrid>
          <SegmentedControl value={phasing} onChange={(v) => setPhasing(v as 'even' | 'monthly')} data={[{ value: 'even', label: 'Spread evenly' }, { value: 'monthly', label: 'Phased by month' }]} />
          {phasing === 'even' ? (
            <TextInput label="Amount for the year" required placeholder="120,000.00" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amountMinor} />
          ) : (
            <>
              <SimpleGrid cols={{ base: 2, sm: 3 }}>
                {labels.map((l, i) => (
                  <TextInput key={l} label={l} placeholder="0.00" value={months[i]} error={monthly[i].error} onChange={(e) => {
                      const v = e.currentTarget.value;
                      setMonths((ms) => ms.map((m, j) => (j === i ? v : m)));
                    }} />
                ))}
              </SimpleGrid>
              <Text size="sm">Total for the year: {money(monthlySum, currency)}</Text>
              {errors.monthlyMinor && <Text size="sm" c="red">{errors.monthlyMinor}</Text>}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {budget ? 'Save budget' : 'Add budget'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
