import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Concentration, FourthParty, HeatMap, Risk, RiskDetail, RiskSettings, WhatIf, EvaluateResult } from '../../../shared/contracts/risks.ts';
import { api } from '../../api/client.ts';
import { usePagedList } from '../../api/paging.ts';

/** Response shapes, read from the contracts (src/shared/contracts/risks.ts). */
export type RiskT = Risk;
export type RiskDetailT = RiskDetail;
export type RiskSettingsT = RiskSettings;
export type HeatMapT = z.infer<typeof HeatMap>;
export type ConcentrationT = z.infer<typeof Concentration>;
export type WhatIfT = WhatIf;
export type FourthPartyT = z.infer<typeof FourthParty>;
export type EvaluateResultT = z.infer<typeof EvaluateResult>;

const enc = encodeURIComponent;
export const riskKeys = {
  all: ['risks'] as const,
  settings: ['risks', 'settings'] as const,
  list: (q: Record<string, string>) => ['risks', 'list', q] as const,
  one: (id: string) => ['risks', 'one', id] as const,
  heatMap: (vendorId: string | null) => ['risks', 'heat-map', vendorId] as const,
  concentration: ['risks', 'concentration'] as const,
  whatIf: (q: Record<string, string>) => ['risks', 'what-if', q] as const,
  fourthParties: (q: Record<string, string>) => ['risks', 'fourth-parties', q] as const,
};

function useChange<I, T>(fn: (input: I) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: riskKeys.all }) });
}

/** Drops empty filters so the address and the query agree. */
const clean = (q: Record<string, string | null | undefined>) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Record<string, string>;

export const useRiskSettings = () => useQuery({ queryKey: riskKeys.settings, queryFn: () => api<RiskSettingsT>('/risk-settings') });
export const useUpdateRiskSettings = () => useChange((body: Record<string, unknown>) => api<RiskSettingsT>('/risk-settings', { method: 'PUT', body }));

export function useRiskList(q: Record<string, string | null | undefined>) {
  const query = clean(q);
  return usePagedList<RiskT>({ queryKey: riskKeys.list(query), path: '/risks', query, limit: 50 });
}
export const useRisk = (id: string) => useQuery({ queryKey: riskKeys.one(id), queryFn: () => api<RiskDetailT>(`/risks/${enc(id)}`) });
export const useHeatMap = (vendorId: string | null = null) => useQuery({ queryKey: riskKeys.heatMap(vendorId), queryFn: () => api<HeatMapT>('/risks/heat-map', { query: vendorId ? { vendorId } : {} }) });
export const useConcentration = () => useQuery({ queryKey: riskKeys.concentration, queryFn: () => api<ConcentrationT>('/risk-concentration') });
export function useWhatIf(q: { vendorId?: string | null; fourthParty?: string | null }) {
  const query = clean(q);
  return useQuery({ queryKey: riskKeys.whatIf(query), enabled: Object.keys(query).length > 0, queryFn: () => api<WhatIfT>('/what-if', { query }) });
}
export function useFourthParties(q: Record<string, string | null | undefined>) {
  const query = clean(q);
  return usePagedList<FourthPartyT>({ queryKey: riskKeys.fourthParties(query), path: '/fourth-parties', query, limit: 100 });
}

export const useCreateRisk = () => useChange((body: Record<string, unknown>) => api<RiskDetailT>('/risks', { method: 'POST', body }));
export const useUpdateRisk = (id: string) => useChange((body: Record<string, unknown>) => api<RiskDetailT>(`/risks/${enc(id)}`, { method: 'PATCH', body }));
export const useRiskStep = (id: string) =>
  useChange(({ step, body }: { step: 'accept' | 'close' | 'reopen'; body?: Record<string, unknown> }) => api<RiskDetailT>(`/risks/${enc(id)}/${step}`, { method: 'POST', body: step === 'reopen' ? undefined : (body ?? {}) }));
export const useAddAction = (riskId: string) => useChange((body: Record<string, unknown>) => api<RiskDetailT>(`/risks/${enc(riskId)}/actions`, { method: 'POST', body }));
export const useUpdateAction = () => useChange(({ id, body }: { id: string; body: Record<string, unknown> }) => api<RiskDetailT>(`/risk-actions/${enc(id)}`, { method: 'PATCH', body }));
export const useEvaluate = () => useChange(() => api<EvaluateResultT>('/risk-signals/evaluate', { method: 'POST' }));
export const useCreateFourthParty = () => useChange((body: Record<string, unknown>) => api<FourthPartyT>('/fourth-parties', { method: 'POST', body }));
export const useDeleteFourthParty = () => useChange((id: string) => api<{ ok: true }>(`/fourth-parties/${enc(id)}`, { method: 'DELETE' }));
