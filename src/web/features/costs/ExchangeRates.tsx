import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { roleCan } from '../../../shared/permissions.ts';
import { ImportFileDialog } from '../../components/ImportFileDialog.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useSession } from '../auth/api.ts';
import { useCostSettings } from './api.ts';
import { useExchangeRates, useImportRates, useSetExchangeRate } from './rates-api.ts';

const FIELDS = ['currency', 'month', 'perEur'] as const;

/**
 * Settings → Costs → Exchange rates: one rate per currency and month, as the ECB quotes it
 * (1 EUR = x), entered by hand or imported from the ECB's CSV files; converted figures use the
 * rate of the invoice's month, through the euro when the base currency is another.
 */
export function ExchangeRates() {
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'cost.write');
  const settings = useCostSettings();
  const rates = useExchangeRates();
  const set = useSetExchangeRate();
  const importer = useImportRates();
  const form = useFormErrors(FIELDS);
  const [open, setOpen] = useState(false);
  const [currency, setCurrency] = useState('');
  const [month, setMonth] = useState('');
  const [perEur, setPerEur] = useState('');
  const base = settings.data?.baseCurrency ?? 'EUR';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set.mutate({ currency: currency.trim().toUpperCase(), month: month.trim(), perEur: perEur.trim() }, { onSuccess: (r) => notifications.show({ color: 'teal', title: 'Rate saved', message: `${r.monthLabel}: ${r.label}` }), onError: form.fromError });
  };
  return (
    <Paper withBorder radius="md" p="lg" maw={900} mt="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            Exchange rates
          </Title>
          <Text size="sm" c="dimmed">
            One rate per currency and month, kept as the European Central Bank quotes it: 1 EUR = x of the currency. Spend and budget against actual are converted into {base} with the rate of each invoice&apos;s month
            {base === 'EUR' ? '' : `; as the ECB quotes everything against the euro, a currency is converted into ${base} through the euro (1 USD = x${base} ÷ xUSD ${base}), and the ${base} rate of that month is needed too`}. A month without a rate is shown as not converted, never taken as 1:1.
          </Text>
        </div>
        {canWrite && (
          <>
            <Group>
              <Button variant="light" onClick={() => setOpen(true)}>
                Import ECB rates
              </Button>
            </Group>
            <form onSubmit={submit} noValidate aria-label="Enter a rate">
              <FormErrorAlert error={form.general} />
              <Group align="flex-end">
                <TextInput label="Currency" placeholder="USD" value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} error={form.errors.currency} w={100} />
                <TextInput label="Month" placeholder="2026-09" value={month} onChange={(e) => setMonth(e.currentTarget.value)} error={form.errors.month} w={120} />
                <TextInput label="1 EUR =" placeholder="1.0856" value={perEur} onChange={(e) => setPerEur(e.currentTarget.value)} error={form.errors.perEur} w={140} />
                <Button type="submit" loading={set.isPending}>
                  Save rate
                </Button>
              </Group>
            </form>
          </>
        )}
        <ListView list={rates} variant="section" showCount order="newest" noun={{ one: 'exchange rate', many: 'exchange rates' }} empty="No exchange rates yet: figures in other currencies are shown apart, not converted.">
          {(items) => (
            <Table fz="sm" striped aria-label="Exchange rates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Month</Table.Th>
                  <Table.Th>Rate</Table.Th>
                  {base !== 'EUR' && <Table.Th>Against {base}</Table.Th>}
                  <Table.Th>Source</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.monthLabel}</Table.Td>
                    <Table.Td>{r.label}</Table.Td>
                    {base !== 'EUR' && <Table.Td>{r.againstBase ?? `no ${base} rate for ${r.monthLabel}`}</Table.Td>}
                    <Table.Td>
                      {r.sourceLabel}
                      {r.dailyCount ? ` (${r.dailyCount} days)` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </ListView>
      </Stack>
      <ImportFileDialog
        opened={open}
        onClose={() => setOpen(false)}
        title="Import the ECB's reference rates"
        fileLabel="ECB CSV file"
        placeholder="eurofxref-hist.csv or an SDMX CSV from the ECB data portal"
        accept=".csv,text/csv"
        importer={importer}
        checked={(r) => (
          <Stack gap={4}>
            <span>
              {r.formatLabel}: {r.rates} rates for {r.currencies.join(', ')}.
            </span>
            <span>{r.rule}</span>
            {r.sample.map((x) => (
              <span key={x}>{x}</span>
            ))}
          </Stack>
        )}
        onImported={(r) => notifications.show({ color: 'teal', title: 'Exchange rates imported', message: `${r.rates} rates${r.replaced ? `, ${r.replaced} replacing earlier ones` : ''}.` })}
      >
        <Text size="sm">
          The daily history (eurofxref-hist.csv): each month becomes the average of its daily rates. The data portal&apos;s SDMX CSV of the monthly average series (EXR.M.USD.EUR.SP00.A …): each month is taken as published. Nothing is stored if any row is rejected; every problem is listed with its row and column.
        </Text>
      </ImportFileDialog>
    </Paper>
  );
}
