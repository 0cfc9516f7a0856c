import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExchangeRate, RateImportResult } from '../../../shared/contracts/exchange-rates.ts';
import { api } from '../../api/client.ts';
import { usePagedList } from '../../api/paging.ts';
import { uploadFile } from '../../api/upload.ts';
import { costKeys } from './api.ts';

/**
 * Exchange rates, newest month first, a page at a time along the API's cursor (a few years of
 * ECB rates for a dozen currencies is hundreds of rows); entering one; importing an ECB file.
 */
export const useExchangeRates = () => usePagedList<ExchangeRate>({ queryKey: [...costKeys.all, 'rates'], path: '/exchange-rates', limit: 60 });

export function useSetExchangeRate() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: { currency: string; month: string; perEur: string }) => api<ExchangeRate>('/exchange-rates', { method: 'PUT', body }), onSuccess: () => void qc.invalidateQueries({ queryKey: costKeys.all }) });
}

export function useImportRates() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => uploadFile<RateImportResult>('/exchange-rates/import', file, { query: { dryRun, fileName: file.name }, contentType: 'text/csv' }),
    onSuccess: (_r, { dryRun }) => {
      if (!dryRun) void qc.invalidateQueries({ queryKey: costKeys.all });
    },
  });
}
