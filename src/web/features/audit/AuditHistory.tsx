import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { useAuditList } from './api.ts';
import { AuditEventList } from './AuditEventList.tsx';

/** "History" of one object (vendor, engagement) from the audit trail. */
export function AuditHistory({ objectId, title = 'History' }: { objectId: string; title?: string }) {
  const list = useAuditList({ objectId }, 10);
  return (
    <ListSection id={`history-${objectId}`} title={title} hint="Every change, who made it and when, from the audit trail.">
      <ListView list={list} variant="section" noun={{ one: 'change', many: 'changes' }} what="the history" empty="No changes recorded yet.">
        {(events) => <AuditEventList events={events} showObject={false} />}
      </ListView>
    </ListSection>
  );
}
