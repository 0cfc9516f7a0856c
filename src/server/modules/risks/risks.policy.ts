import { definePolicy } from '../../policy.ts';
import type { FourthPartyRow, RiskActionRow, RiskRow } from './risks.repo.ts';

/** The risk settings (matrix, signal rules): read by risk readers, set by those who manage the organisation. */
export const riskSettingsPolicy = definePolicy<{ orgId: string }, 'read' | 'update'>({
  label: 'The risk settings',
  collection: true,
  actions: { read: { permission: 'risk.read' }, update: { permission: 'org.manage' } },
});

/** Views over the whole register: the heat map, concentration, what-if, evaluating the signals. */
export const riskViewsPolicy = definePolicy<{ orgId: string }, 'read' | 'evaluate'>({
  label: 'The risk views',
  collection: true,
  actions: { read: { permission: 'risk.read' }, evaluate: { permission: 'risk.write' } },
});

const closed = (r: RiskRow) => r.status !== 'closed' || 'The risk is closed; reopen it to change it.';

/** Risks are internal: vendor contacts never see them (no vendorOf). Auditors read, never change. */
export const riskPolicy = definePolicy<RiskRow, 'list' | 'read' | 'create' | 'update' | 'accept' | 'close' | 'reopen' | 'addAction'>({
  label: 'The risk',
  actions: {
    list: { permission: 'risk.read' },
    read: { permission: 'risk.read' },
    create: { permission: 'risk.write' },
    update: { permission: 'risk.write', when: closed },
    accept: { permission: 'risk.accept', when: closed },
    close: { permission: 'risk.write', when: closed },
    reopen: { permission: 'risk.write', when: (r) => r.status === 'closed' || 'The risk is open already.' },
    addAction: { permission: 'risk.write', when: closed },
  },
});

export const riskActionPolicy = definePolicy<RiskActionRow & { riskStatus: string }, 'update'>({
  label: 'The risk action',
  actions: { update: { permission: 'risk.write', when: (a) => a.riskStatus !== 'closed' || 'Its risk is closed; reopen the risk to change its actions.' } },
});

export const fourthPartyPolicy = definePolicy<FourthPartyRow, 'list' | 'read' | 'create' | 'update' | 'delete'>({
  label: 'The fourth party',
  actions: {
    list: { permission: 'risk.read' },
    read: { permission: 'risk.read' },
    create: { permission: 'risk.write' },
    update: { permission: 'risk.write' },
    delete: { permission: 'risk.write' },
  },
});
