import { Option, type Command } from 'commander';
import { CRITICALITIES, ENGAGEMENT_STATUSES, EngagementInput, SERVICE_TYPES, type Engagement } from '../../shared/contracts/engagements.ts';
import { VendorListQuery, type Vendor } from '../../shared/contracts/vendors.ts';
import type { Ctx } from '../../server/context.ts';
import { createEngagement } from '../../server/modules/engagements/engagements.public.ts';
import { listVendors } from '../../server/modules/vendors/vendors.public.ts';
import { withDirect } from '../direct.ts';
import { CliError, emit, flagError } from '../output.ts';
import { commandContext, type RemoteApi } from '../target.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLAG_OF = { vendorId: '--vendor', name: '--name', serviceType: '--service-type', criticality: '--criticality', status: '--status', startDate: '--start', endDate: '--end', description: '--description' };

interface VendorRef {
  id: string;
  name: string;
}

function pickVendor(ref: string, candidates: VendorRef[]): VendorRef {
  const exact = candidates.filter((v) => v.id === ref.toLowerCase() || v.name.toLowerCase() === ref.toLowerCase());
  if (exact.length === 1) return exact[0];
  if (exact.length === 0) throw new CliError('not_found', `No vendor has the id or name "${ref}".`, { vendor: ref });
  throw new CliError('ambiguous', `Several vendors are named "${ref}": use an id (${exact.map((v) => v.id).join(', ')}).`, { vendor: ref });
}

/** A vendor by id or exact name, through the vendors' own list (so its policy decides what is visible). */
async function vendorDirect(ctx: Ctx, ref: string): Promise<VendorRef> {
  const wanted = ref.trim();
  const page = await listVendors(ctx, VendorListQuery.parse({ q: UUID.test(wanted) ? undefined : wanted, limit: 200, archived: 'all' }));
  return pickVendor(wanted, page.items);
}

async function vendorRemote(api: RemoteApi, ref: string): Promise<VendorRef> {
  const wanted = ref.trim();
  if (UUID.test(wanted)) return api.json<Vendor>('GET', `/api/v1/vendors/${wanted.toLowerCase()}`);
  const page = await api.json<{ items: Vendor[] }>('GET', '/api/v1/vendors', { query: { q: wanted, limit: 200, archived: 'all' } });
  return pickVendor(wanted, page.items);
}

export function registerEngagementCommands(program: Command): void {
  const engagements = program.command('engagements').description('the outsourced services of each vendor (what SLAs, contracts and reviews are about)');

  engagements
    .command('create')
    .description('create an engagement of a vendor; prints its id (the whole engagement with --json)')
    .requiredOption('--vendor <name|id>', 'the vendor, by exact name or id')
    .requiredOption('--name <name>', 'what the vendor does for you, e.g. "24/7 service desk"')
    .addOption(new Option('--service-type <type>', 'kind of service').choices([...SERVICE_TYPES]).makeOptionMandatory())
    .addOption(new Option('--criticality <level>', 'how much the business depends on it').choices([...CRITICALITIES]).default('medium'))
    .addOption(new Option('--status <status>', 'where it stands').choices([...ENGAGEMENT_STATUSES]).default('active'))
    .option('--start <date>', 'start date, YYYY-MM-DD')
    .option('--end <date>', 'end date, YYYY-MM-DD')
    .option('--description <text>', 'a sentence on the scope')
    .addHelpText('after', '\nExample, scripting a measurement end to end:\n  id=$(outsight engagements create --vendor "Acme IT" --name "Service desk" --service-type service_desk)\n  outsight calendars create --name "Acme desk hours" --time-zone Europe/Berlin --hours "mon-fri 08:00-18:00" --holidays de.ics\n  outsight sla policy set --engagement "$id" --file policy.json --calendar "Acme desk hours"\n  outsight tickets import export.csv --engagement "$id" --format servicenow')
    .action(async (flags: { vendor: string; name: string; serviceType: string; criticality: string; status: string; start?: string; end?: string; description?: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const body = (vendorId: string) => {
        const parsed = EngagementInput.safeParse({ vendorId, name: flags.name, serviceType: flags.serviceType, criticality: flags.criticality, status: flags.status, startDate: flags.start ?? null, endDate: flags.end ?? null, description: flags.description ?? null });
        if (!parsed.success) throw flagError(parsed.error, FLAG_OF);
        return parsed.data;
      };
      const created: Engagement =
        target.kind === 'remote'
          ? await target.api.json<Engagement>('POST', '/api/v1/engagements', { json: body((await vendorRemote(target.api, flags.vendor)).id) })
          : await withDirect(target, async (s) => {
              const ctx = await s.actingCtx();
              return createEngagement(ctx, body((await vendorDirect(ctx, flags.vendor)).id));
            });
      if (!out.json) process.stderr.write(`Engagement "${created.name}" of ${created.vendorName} created.\n`);
      emit(out, created, () => created.id);
    });
}
