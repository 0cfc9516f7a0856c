import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import { ExchangeRate, ExchangeRateInput, ExchangeRateListQuery, RateImportQuery, RateImportResult } from '../../../shared/contracts/exchange-rates.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { deleteExchangeRate, importExchangeRates, listExchangeRates, setExchangeRate } from './exchange-rates.ts';

const tags = ['costs'];

/** Exchange rates per currency and month (1 EUR = x), entered by hand or imported from the ECB's CSV files. Internal users only. */
export async function registerExchangeRateRoutes(app: App) {
  app.get('/api/v1/exchange-rates', { config: { access: 'cost.read' }, schema: { tags, summary: 'Exchange rates per currency and month (1 EUR = x), newest month first', querystring: ExchangeRateListQuery, response: { 200: Page(ExchangeRate) } } }, (req) =>
    listExchangeRates(ctxOf(req), req.query),
  );
  app.put('/api/v1/exchange-rates', { config: { access: 'cost.write' }, schema: { tags, summary: "Enter or correct a currency's rate for a month by hand (1 EUR = perEur)", body: ExchangeRateInput, response: { 200: ExchangeRate } } }, (req) =>
    setExchangeRate(ctxOf(req), req.body),
  );
  app.delete('/api/v1/exchange-rates/:id', { config: { access: 'cost.write' }, schema: { tags, summary: 'Remove an exchange rate', params: IdParams, response: { 200: OkResponse } } }, (req) =>
    deleteExchangeRate(ctxOf(req), parseId(req.params.id, 'exchange rate')),
  );
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/v1/exchange-rates/import',
      {
        config: { access: 'cost.write' },
        bodyLimit: 6 * 1024 * 1024,
        schema: {
          tags,
          summary: "Import the ECB's reference rates from CSV (all or nothing)",
          description:
            'Send the file as the body (text/csv): the daily history eurofxref-hist.csv (each month becomes the average of its daily rates) or the ECB data portal SDMX CSV of EXR.M.<CUR>.EUR.SP00.A (monthly averages, taken as published). Rates are kept as 1 EUR = x; rates already kept for the same currency and month are replaced. Bad rows are answered by row and column and nothing is stored.',
          querystring: RateImportQuery,
          response: { 200: RateImportResult },
        },
      },
      async (req) => {
        const body = req.body;
        const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        return importExchangeRates(ctxOf(req), buf, { dryRun: req.query.dryRun === 'true', fileName: req.query.fileName ?? null });
      },
    );
  });
}
