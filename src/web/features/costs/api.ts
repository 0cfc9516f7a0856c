import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Budget, CostSettings, EngagementCosts, Invoice, InvoiceDetail, RateCardItem } from '../../../shared/contracts/costs.ts';
import { api } from '../../api/client.ts';
import { allPages, usePagedList } from '../../api/paging.ts';
import { uploadFile } from '../../api/upload.ts';

/** Response shapes, read from the contracts (src/shared/contracts/costs.ts). */
export type CostSettingsT = CostSettings;
export type BudgetT = Budget;
export type RateCardItemT = RateCardItem;
export type InvoiceT = Invoice;
export type InvoiceDetailT = InvoiceDetail;
export type EngagementCostsT = EngagementCosts;

const enc = encodeURIComponent;
export const costKeys = {
  all: ['costs'] as const,
  settings: ['costs', 'settings'] as const,
  engagement: (id: string, year: number | null) => ['costs', 'engagement', id, year] as const,
  invoices: (q: Record<string, string>) => ['costs', 'invoices', q] as const,
  invoice: (id: string) => ['costs', 'invoice', id] as const,
  rateCard: (contractId: string) => ['costs', 'rate-card', contractId] as const,
};

function useChange<I, T>(fn: (input: I) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: costKeys.all }) });
}

export const useCostSettings = () => useQuery({ queryKey: costKeys.settings, queryFn: () => api<CostSettingsT>('/cost-settings') });
export const useUpdateCostSettings = () => useChange((body: { fiscalYearStartMonth: number; baseCurrency: string; forecastThresholdPct?: number }) => api<CostSettingsT>('/cost-settings', { method: 'PUT', body }));

/** Budget against actual for one engagement and fiscal year (the current one when `year` is null). */
export function useEngagementCosts(engagementId: string, year: number | null) {
  return useQuery({
    queryKey: costKeys.engagement(engagementId, year),
    queryFn: () => api<EngagementCostsT>(`/engagements/${enc(engagementId)}/costs`, { query: year ? { fiscalYear: year } : {} }),
  });
}

export function useInvoiceList(query: Record<string, string>) {
  return usePagedList<InvoiceT>({ queryKey: costKeys.invoices(query), path: '/invoices', query, limit: 50 });
}
export const useInvoice = (id: string) => useQuery({ queryKey: costKeys.invoice(id), queryFn: () => api<InvoiceDetailT>(`/invoices/${enc(id)}`) });

/** A contract's whole rate card (tens of items). */
export function useRateCard(contractId: string | null | undefined) {
  return useQuery({
    queryKey: costKeys.rateCard(contractId ?? ''),
    enabled: !!contractId,
    queryFn: async ({ signal }) => (await allPages<RateCardItemT>('/rate-card-items', { contractId: contractId ?? '' })({ signal })).items,
  });
}

export const useCreateBudget = () => useChange((body: Record<string, unknown>) => api<BudgetT>('/budgets', { method: 'POST', body }));
export const useUpdateBudget = () => useChange(({ id, body }: { id: string; body: Record<string, unknown> }) => api<BudgetT>(`/budgets/${enc(id)}`, { method: 'PATCH', body }));
export const useUpdateInvoice = () => useChange(({ id, body }: { id: string; body: Record<string, unknown> }) => api<InvoiceDetailT>(`/invoices/${enc(id)}`, { method: 'PATCH', body }));
export const useDeleteBudget = () => useChange((id: string) => api<{ ok: true }>(`/budgets/${enc(id)}`, { method: 'DELETE' }));
export const useCreateRateCardItem = () => useChange((body: Record<string, unknown>) => api<RateCardItemT>('/rate-card-items', { method: 'POST', body }));
export const useUpdateRateCardItem = () => useChange(({ id, body }: { id: string; body: Record<string, unknown> }) => api<RateCardItemT>(`/rate-card-items/${enc(id)}`, { method: 'PATCH', body }));
export const useDeleteRateCardItem = () => useChange((id: string) => api<{ ok: true }>(`/rate-card-items/${enc(id)}`, { method: 'DELETE' }));
export const useCreateInvoice = () => useChange((body: Record<string, unknown>) => api<InvoiceDetailT>('/invoices', { method: 'POST', body }));

type Step = 'checked' | 'approve' | 'paid' | 'dispute' | 'overrides';
/** One step of an invoice's review: mark checked, approve, mark paid, dispute, override a check. */
export const useInvoiceStep = (id: string) => useChange(({ step, body }: { step: Step; body: Record<string, unknown> }) => api<InvoiceDetailT>(`/invoices/${enc(id)}/${step}`, { method: 'POST', body }));

// ---- service credits recovered
export type ServiceCreditsT = import('../../../shared/contracts/costs.ts').ServiceCredits;
export function useServiceCredits(query: { year?: number; engagementId?: string }) {
  return useQuery({
    queryKey: [...costKeys.all, 'service-credits', query],
    queryFn: () => api<ServiceCreditsT>('/service-credits', { query: { ...(query.year ? { year: query.year } : {}), ...(query.engagementId ? { engagementId: query.engagementId } : {}) } }),
  });
}
export const useWithdrawWaiver = () => useChange((id: string) => api<{ ok: true }>(`/service-credits/waivers/${enc(id)}`, { method: 'DELETE' }));
export const useWaiveCredit = () => useChange((body: { engagementId: string; month: string; reason: string }) => api<{ id: string }>('/service-credits/waivers', { method: 'POST', body }));

// ---- invoice import
export type InvoiceMappingT = import('../../../shared/contracts/invoice-import.ts').InvoiceMapping;
export type InvoiceImportResultT = import('../../../shared/contracts/invoice-import.ts').InvoiceImportResult;
export const useInvoiceMappings = () => useQuery({ queryKey: [...costKeys.all, 'mappings'], queryFn: async () => (await api<{ items: InvoiceMappingT[] }>('/invoice-mappings')).items });
/** Save a mapping: a new one by name (PUT /invoice-mappings), or an existing one edited by its id (its name may change). */
export function useSaveInvoiceMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: { name: string; columns: Record<string, string | null> } }) =>
      api<InvoiceMappingT>(id ? `/invoice-mappings/${id}` : '/invoice-mappings', { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...costKeys.all, 'mappings'] }),
  });
}
/** Delete a saved mapping (imports already made keep their invoices). */
export function useDeleteInvoiceMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/invoice-mappings/${id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...costKeys.all, 'mappings'] }),
  });
}
export function useImportInvoices(mapping: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      uploadFile<InvoiceImportResultT>('/invoices/import', file, {
        query: { mapping: mapping ?? '', dryRun, fileName: file.name },
        contentType: /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
      }),
    onSuccess: (_r, { dryRun }) => {
      if (!dryRun) void qc.invalidateQueries({ queryKey: costKeys.all });
    },
  });
}

// ---- spend
/** A portfolio report's query: the fiscal year and vendor when chosen, nothing for the defaults. */
const yearAndVendor = (q: { fiscalYear?: number | null; vendorId?: string }) => ({ ...(q.fiscalYear ? { fiscalYear: q.fiscalYear } : {}), ...(q.vendorId ? { vendorId: q.vendorId } : {}) });
export type SpendT = import('../../../shared/contracts/costs.ts').Spend;
export function useSpend(query: { fiscalYear?: number | null; vendorId?: string }) {
  return useQuery({
    queryKey: [...costKeys.all, 'spend', query],
    queryFn: () => api<SpendT>('/costs/spend', { query: yearAndVendor(query) }),
  });
}

// ---- budget positions
export type BudgetPositionsT = import('../../../shared/contracts/costs.ts').BudgetPositions;
/** Every engagement's budget against actual and forecast in a fiscal year (the current one when null), or one vendor's. */
export function useBudgetPositions(query: { fiscalYear?: number | null; vendorId?: string }) {
  return useQuery({
    queryKey: [...costKeys.all, 'budget-positions', query],
    queryFn: () => api<BudgetPositionsT>('/costs/budget-positions', { query: yearAndVendor(query) }),
  });
}
