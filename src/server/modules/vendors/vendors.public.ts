/**
 * The vendors module as other modules see it. Everything else in this folder is the
 * module's own; the lint rule outsight/public-surface holds other modules to this file.
 */
export { allVendors, countVendors, createVendor, getVendor, listVendors, referenceVendor, requireVendor, updateVendor, vendorNames, vendorRowVersionsSql, vendorsByNames } from './vendors.service.ts';
export { importVendors, type ImportResult } from './import-vendors.ts';
export { vendorsToCsv } from './vendors.csv.ts';
export type { VendorRow } from './vendors.repo.ts';
