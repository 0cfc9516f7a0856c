import { Alert, Anchor, Button, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { ArchivedBadge, CriticalityBadge, EngagementStatusBadge } from '../../components/Badges.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegistryTabs, useTabParam } from '../../components/TabRegistry.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useArchiveEngagement, useEngagement } from './api.ts';
import { EngagementFormModal } from './EngagementFormModal.tsx';
import { ENGAGEMENT_TABS } from './tabs.tsx';

export function EngagementPage() {
  const { id = '' } = useParams();
  const tab = useTabParam();
  const navigate = useNavigate();
  const me = useSession();
  const engagement = useEngagement(id);
  const archive = useArchiveEngagement(id);
  const [editOpen, edit] = useDisclosure(false);
  const [confirmOpen, confirm] = useDisclosure(false);
  const canWrite = roleCan(me.user.role, 'engagement.write');
  usePageTitle(engagement.data?.name ?? 'Engagement');

  if (engagement.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading engagement" />
      </Center>
    );
  }
  if (engagement.isError) {
    if (engagement.error instanceof ApiError && engagement.error.status === 404) {
      return <NotFound what="engagement" backTo="/engagements" backLabel="Back to engagements" />;
    }
    return <QueryError error={engagement.error} onRetry={() => engagement.refetch()} what="the engagement" />;
  }
  const e = engagement.data;

  const toggleArchive = () =>
    archive.mutate(!e.archived, {
      onSuccess: (saved) => {
        confirm.close();
        notifications.show({ color: 'teal', title: saved.archived ? 'Engagement archived' : 'Engagement restored', message: saved.name });
      },
      onError: (err) => notifications.show({ color: 'red', title: 'Could not change the engagement', message: errorMessage(err) }),
    });

  return (
    <>
      <PageHeader
        crumbs={[
          { label: 'Engagements', to: '/engagements' },
          { label: e.name },
        ]}
        title={e.name}
        badges={
          <>
            <EngagementStatusBadge status={e.status} />
            <CriticalityBadge criticality={e.criticality} />
            {e.archived && <ArchivedBadge />}
          </>
        }
        description={
          <>
            {SERVICE_TYPE_LABELS[e.serviceType]} delivered by{' '}
            <Anchor component={Link} to={`/vendors/${e.vendorId}`} size="sm">
              {e.vendorName}
            </Anchor>
          </>
        }
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={e.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                onClick={e.archived ? toggleArchive : confirm.open}
                loading={archive.isPending && !confirmOpen}
              >
                {e.archived ? 'Restore' : 'Archive'}
              </Button>
              {!e.archived && (
                <Button leftSection={<IconPencil size={16} />} onClick={edit.open}>
                  Edit engagement
                </Button>
              )}
            </>
          )
        }
      />
      {e.archived && (
        <Alert color="gray" variant="light" mb="md" title="This engagement is archived">
          Restore it to make changes.
        </Alert>
      )}
      <RegistryTabs
        tabs={ENGAGEMENT_TABS}
        role={me.user.role}
        value={tab}
        onChange={(t) => navigate(t === ENGAGEMENT_TABS[0].value ? `/engagements/${e.id}` : `/engagements/${e.id}/${t}`, { replace: true })}
        label="Engagement sections"
        props={{ engagement: e, me }}
      />
      {canWrite && <EngagementFormModal opened={editOpen} onClose={edit.close} engagement={e} />}
      <ConfirmDialog
        opened={confirmOpen}
        title={`Archive ${e.name}?`}
        confirmLabel="Archive engagement"
        color="orange"
        loading={archive.isPending}
        onConfirm={toggleArchive}
        onClose={confirm.close}
      >
        The engagement and its history stay in Outsight but leave the lists. You can restore it at any time.
      </ConfirmDialog>
    </>
  );
}
