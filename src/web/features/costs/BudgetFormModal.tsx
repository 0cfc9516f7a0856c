import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fiscalMonths, monthLabel } from '../../../domain/costs/fiscal.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useCostSettings, useCreateBudget } from './api.ts';
import { COMMON_CURRENCIES, money, readAmount } from './money.tsx';

const FIELDS = ['label', 'amountMinor', 'currency', 'monthlyMinor', 'spendType', 'fiscalYear'] as const;

/** Adds a budget for one fiscal year: an amount spread evenly, or twelve monthly amounts. */
export function BudgetFormModal({ engagementId, fiscalYear, onClose }: { engagementId: string; fiscalYear: number; onClose: () => void }) {
  const settings = useCostSettings();
  const [year, setYear] = useState<number | string>(fiscalYear);
  const [label, setLabel] = useState('Budget');
  const [currency, setCurrency] = useState(settings.data?.baseCurrency ?? 'EUR');
  const [amount, setAmount] = useState('');
  const [phasing, setPhasing] = useState<'even' | 'monthly'>('even');
  const [months, setMonths] = useState<string[]>(Array(12).fill(''));
  const [spendType, setSpendType] = useState<string | null>(null);
  const form = useFormErrors(FIELDS);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const errors = { ...form.errors, ...typed };
  const create = useCreateBudget();
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
    create.mutate(
      { engagementId, fiscalYear: Number(year), label, currency, amountMinor: total.value, phasing, monthlyMinor: phasing === 'monthly' ? monthly.map((m) => m.value ?? 0) : undefined, spendType },
      {
        onSuccess: (b) => {
          notifications.show({ color: 'teal', title: 'Budget added', message: `${b.label}: ${money(b.amountMinor, b.currency)}` });
          onClose();
        },
        onError: form.fromError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Add budget" size="lg">
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
            <Button type="submit" loading={create.isPending}>
              Add budget
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
