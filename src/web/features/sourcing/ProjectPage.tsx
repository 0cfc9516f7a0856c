import { Button, Group, Stepper, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useParams, useSearchParams } from 'react-router';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES } from '../../../shared/contracts/sourcing.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useProject } from './api.ts';
import { CandidatesTab } from './CandidatesTab.tsx';
import { MatrixTab } from './MatrixTab.tsx';
import { NeedCheckTab } from './NeedCheckTab.tsx';
import { NeedFormModal } from './NeedFormModal.tsx';
import { PilotTab } from './PilotTab.tsx';
import { ProjectStatusBadge } from './words.tsx';

const TABS = ['need', 'candidates', 'comparison', 'pilot'] as const;

/** One sourcing project: the need and the check, the candidates, the comparison matrix and the pilot. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const [editing, edit] = useDisclosure(false);
  usePageTitle(project.data?.name ?? 'Sourcing project');
  if (project.isPending) return <FullPageLoader label="Loading the project" />;
  if (project.isError) return <QueryError error={project.error} onRetry={() => void project.refetch()} what="the project" />;
  const p = project.data;
  const canWrite = roleCan(me.user.role, 'sourcing.write');
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'need';
  const step = PROJECT_STATUSES.indexOf(p.status);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Sourcing', to: '/sourcing' }, { label: p.name }]}
        title={p.name}
        badges={<ProjectStatusBadge status={p.status} />}
        actions={
          canWrite &&
          ['draft', 'checked', 'evaluating'].includes(p.status) && (
            <Group className="no-print">
              <Button variant="default" onClick={edit.open}>
                Edit the need
              </Button>
            </Group>
          )
        }
      />
      <Stepper active={step === PROJECT_STATUSES.length - 1 ? step + 1 : step} size="xs" mb="lg" className="no-print" aria-label="Stages">
        {PROJECT_STATUSES.map((s) => (
          <Stepper.Step key={s} label={PROJECT_STATUS_LABELS[s]} />
        ))}
      </Stepper>
      <Tabs value={tab} onChange={(t) => setParams(t && t !== 'need' ? { tab: t } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md" className="no-print">
          <Tabs.Tab value="need">Need and check</Tabs.Tab>
          <Tabs.Tab value="candidates">Candidates ({p.candidates.length})</Tabs.Tab>
          <Tabs.Tab value="comparison">Comparison</Tabs.Tab>
          <Tabs.Tab value="pilot">Pilot{p.pilots.length ? ` (${p.pilots.length})` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="need">
          <NeedCheckTab project={p} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="candidates">
          <CandidatesTab project={p} />
        </Tabs.Panel>
        <Tabs.Panel value="comparison">
          <MatrixTab project={p} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="pilot">
          <PilotTab project={p} />
        </Tabs.Panel>
      </Tabs>
      {editing && <NeedFormModal project={p} onClose={edit.close} />}
    </>
  );
}
