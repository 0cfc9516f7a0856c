import { Button, NumberInput, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { monthName } from '../../../domain/costs/fiscal.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useCostSettings, useUpdateCostSettings } from './api.ts';
import { ExchangeRates } from './ExchangeRates.tsx';
import { COMMON_CURRENCIES } from './money.tsx';

const FIELDS = ['fiscalYearStartMonth', 'baseCurrency', 'forecastThresholdPct'] as const;

/** Settings → Costs: the month the fiscal year starts and the base currency budgets default to. */
export function CostSettings() {
  usePageTitle('Cost settings');
  const me = useSession();
  const settings = useCostSettings();
  const update = useUpdateCostSettings();
  const form = useFormErrors(FIELDS);
  const [month, setMonth] = useState('1');
  const [currency, setCurrency] = useState('EUR');
  const [threshold, setThreshold] = useState<number | string>(10);
  const canManage = roleCan(me.user.role, 'org.manage');
  useEffect(() => {
    if (settings.data) {
      setMonth(String(settings.data.fiscalYearStartMonth));
      setCurrency(settings.data.baseCurrency);
      setThreshold(settings.data.forecastThresholdPct);
    }
  }, [settings.data]);
  if (settings.isPending) return <Skeleton h={160} radius="md" />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} what="the cost settings" />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { fiscalYearStartMonth: Number(month), baseCurrency: currency, forecastThresholdPct: Number(threshold || 0) },
      { onSuccess: (s) => notifications.show({ color: 'teal', title: 'Cost settings saved', message: `Now: ${s.currentFiscalYearLabel}` }), onError: form.fromError },
    );
  };
  return (
    <>
    <Paper withBorder radius="md" p="lg" maw={640}>
      <form onSubmit={submit} noValidate aria-label="Cost settings">
        <Stack gap="md">
          <div>
            <Title order={2} size="h4">
              Costs
            </Title>
            <Text size="sm" c="dimmed">
              {canManage ? 'Budgets are kept per fiscal year; its months are counted from the month it starts.' : 'Only owners and admins can change these settings.'} The current fiscal year is {settings.data.currentFiscalYearLabel}.
            </Text>
          </div>
          <FormErrorAlert error={form.general} />
          <Select
            label="Fiscal year starts in"
            data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) }))}
            allowDeselect={false}
            value={month}
            onChange={(v) => v && setMonth(v)}
            disabled={!canManage}
            error={form.errors.fiscalYearStartMonth}
          />
          <Select
            label="Base currency"
            description="Budget against actual compares in the budget's currency; without a budget, in this one. Other currencies are shown apart, and converted into this one with the exchange rate of their month (below)."
            data={COMMON_CURRENCIES.includes(currency) ? COMMON_CURRENCIES : [currency, ...COMMON_CURRENCIES]}
            searchable
            allowDeselect={false}
            value={currency}
            onChange={(v) => v && setCurrency(v)}
            disabled={!canManage}
            error={form.errors.baseCurrency}
          />
          <NumberInput
            label="Forecast alert threshold (%)"
            description="An engagement is flagged when its run-rate forecast to the fiscal year's end exceeds its budget by more than this, or its actual already exceeds it."
            min={0}
            max={1000}
            allowDecimal={false}
            value={threshold}
            onChange={setThreshold}
            disabled={!canManage}
            error={form.errors.forecastThresholdPct}
          />
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
    <ExchangeRates />
    </>
  );
}
