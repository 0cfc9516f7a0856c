import { Readable } from 'node:stream';
import type { z } from 'zod';
import {
  ActionInput,
  CadenceInput,
  GovernanceSettingsInput,
  MeetingInput,
  PortalActionUpdate,
  StatusReportInput,
  type ActionItem,
  type Cadence,
  type GovernanceSettings,
  type Meeting,
  type StatusReport,
} from '../../../shared/contracts/governance.ts';
import type { User } from '../../../shared/contracts/users.ts';
import { attachStatusReportFile, createAction, createCadence, recordMeeting, submitStatusReport, updateAction, updateGovernance, vendorUpdateAction } from '../../modules/governance/governance.public.ts';
import { anEngagement, orgOf, type OrgHandle, type World } from './core.ts';
import { SMALL_PDF } from './due-diligence.ts';

/** Builders of governance: settings per engagement, cadences, meetings and action items, through the services. */

export async function governanceOf(on: World | OrgHandle, engagementId: string, o: z.input<typeof GovernanceSettingsInput>, user?: User): Promise<GovernanceSettings> {
  const org = await orgOf(on);
  return updateGovernance(org.ctx(user), engagementId, GovernanceSettingsInput.parse(o));
}

export async function aCadence(on: World | OrgHandle, o: Partial<z.input<typeof CadenceInput>> = {}): Promise<Cadence> {
  const org = await orgOf(on);
  const engagementId = o.engagementId ?? (await anEngagement(org)).id;
  return createCadence(org.ctx(), CadenceInput.parse({ kind: 'weekly_operations', startsOn: '2026-01-01', startTime: '10:00', timeZone: 'Europe/Berlin', ...o, engagementId }));
}

export async function aMeeting(on: World | OrgHandle, o: Partial<z.input<typeof MeetingInput>> & { engagementId: string; occursOn: string }, user?: User): Promise<Meeting> {
  const org = await orgOf(on);
  return recordMeeting(org.ctx(user), MeetingInput.parse(o));
}

/** An action item, left open unless `status` says done or dropped (`vendorDone`: marked done by that vendor contact in the portal). */
export async function anActionItem(
  on: World | OrgHandle,
  o: Partial<z.input<typeof ActionInput>> & { engagementId: string; status?: 'open' | 'done' | 'dropped'; vendorDone?: User; vendorNote?: string },
): Promise<ActionItem> {
  const org = await orgOf(on);
  const { status, vendorDone, vendorNote, ...fields } = o;
  const a = await createAction(org.ctx(), ActionInput.parse({ title: 'Follow up', ownerSide: 'client', dueOn: '2026-12-31', ...fields }));
  if (vendorDone) await vendorUpdateAction(org.ctx(vendorDone), a.id, PortalActionUpdate.parse({ status: 'done', vendorNote }));
  if (status && status !== 'open') return updateAction(org.ctx(), a.id, { status });
  return a;
}

/** A status report handed in by a vendor contact (at the clock of `on`), optionally with a small PDF attached. */
export async function aStatusReport(on: World | OrgHandle, o: { engagementId: string; dueOn: string; text?: string; contact: User; file?: string }): Promise<StatusReport> {
  const org = await orgOf(on);
  const ctx = org.ctx(o.contact);
  const r = await submitStatusReport(ctx, StatusReportInput.parse({ engagementId: o.engagementId, dueOn: o.dueOn, text: o.text ?? 'All services within target this week.' }));
  if (!o.file) return r;
  return attachStatusReportFile(ctx, r.id, { name: o.file, stream: Readable.from([SMALL_PDF]), declaredBytes: SMALL_PDF.length });
}
