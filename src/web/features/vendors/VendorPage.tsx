import { Alert, Button, Center, Loader, Skeleton, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { VENDOR_KIND_LABELS } from '../../../shared/contracts/vendors.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { ArchivedBadge, TierBadge, VendorStatusBadge } from '../../components/Badges.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { countryName } from '../../lib/regions.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useArchiveVendor, useVendor } from './api.ts';
import { PlaceholderTab } from './PlaceholderTab.tsx';
import { VendorOverviewTab } from './VendorOverviewTab.tsx';

// Charts and the import (recharts, papaparse) load only when the SLA tab is opened.
const VendorSlaTab = lazy(() => import('../sla/VendorSlaTab.tsx').then((m) => ({ default: m.VendorSlaTab })));
const VendorAssessmentsTab = lazy(() => import('../due-diligence/VendorAssessmentsTab.tsx').then((m) => ({ default: m.VendorAssessmentsTab })));

const TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'assessments', label: 'Assessments' },
  { value: 'contracts', label: 'Contracts' },
  { value: 'slas', label: 'SLAs' },
  { value: 'costs', label: 'Costs' },
  { value: 'risks', label: 'Risks' },
  { value: 'exit', label: 'Exit' },
];

export function VendorPage() {
  const { id = '', tab = 'overview' } = useParams();
  const me = useSession();
  const navigate = useNavigate();
  const vendor = useVendor(id);
  const archive = useArchiveVendor(id);
  const [confirmOpen, confirm] = useDisclosure(false);
  const canWrite = roleCan(me.user.role, 'vendor.write');
  usePageTitle(vendor.data?.name ?? 'Vendor');

  if (vendor.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading vendor" />
      </Center>
    );
  }
  if (vendor.isError) {
    if (vendor.error instanceof ApiError && vendor.error.status === 404) {
      return <NotFound what="vendor" backTo="/vendors" backLabel="Back to vendors" />;
    }
    return <QueryError error={vendor.error} onRetry={() => vendor.refetch()} what="the vendor" />;
  }
  const v = vendor.data;
  const activeTab = TABS.some((t) => t.value === tab) ? tab : 'overview';

  const toggleArchive = () =>
    archive.mutate(!v.archived, {
      onSuccess: (saved) => {
        confirm.close();
        notifications.show({
          color: 'teal',
          title: saved.archived ? 'Vendor archived' : 'Vendor restored',
          message: saved.name,
        });
      },
      onError: (e) => notifications.show({ color: 'red', title: 'Could not change the vendor', message: errorMessage(e) }),
    });

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Vendors', to: '/vendors' }, { label: v.name }]}
        title={v.name}
        badges={
          <>
            <VendorStatusBadge status={v.status} />
            <TierBadge tier={v.tier} />
            {v.archived && <ArchivedBadge />}
          </>
        }
        description={[VENDOR_KIND_LABELS[v.kind], v.country ? countryName(v.country) : null, v.legalName].filter(Boolean).join(' · ')}
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={v.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                onClick={v.archived ? toggleArchive : confirm.open}
                loading={archive.isPending && !confirmOpen}
              >
                {v.archived ? 'Restore' : 'Archive'}
              </Button>
              {!v.archived && (
                <Button component={Link} to={`/vendors/${v.id}/edit`} leftSection={<IconPencil size={16} />}>
                  Edit vendor
                </Button>
              )}
            </>
          )
        }
      />
      {v.archived && (
        <Alert color="gray" variant="light" mb="md" title="This vendor is archived">
          <Text size="sm">It is hidden from lists and pickers. Restore it to make changes.</Text>
        </Alert>
      )}
      <Tabs
        value={activeTab}
        onChange={(t) => navigate(t === 'overview' || !t ? `/vendors/${v.id}` : `/vendors/${v.id}/${t}`, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List className="tabs-scroll" mb="lg" aria-label="Vendor sections">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <VendorOverviewTab vendor={v} me={me} />
        </Tabs.Panel>
        {TABS.slice(1).map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.value === 'assessments' ? (
              <Suspense fallback={<Skeleton h={240} radius="md" aria-label="Loading assessments" />}>
                <VendorAssessmentsTab vendor={v} me={me} />
              </Suspense>
            ) : t.value === 'slas' ? (
              <Suspense fallback={<Skeleton h={240} radius="md" aria-label="Loading SLAs" />}>
                <VendorSlaTab vendor={v} me={me} />
              </Suspense>
            ) : (
              <PlaceholderTab tab={t.value} vendorName={v.name} />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      <ConfirmDialog
        opened={confirmOpen}
        title={`Archive ${v.name}?`}
        confirmLabel="Archive vendor"
        color="orange"
        loading={archive.isPending}
        onConfirm={toggleArchive}
        onClose={confirm.close}
      >
        The vendor and its history stay in Outsight but disappear from lists and pickers. You can restore it at any time.
      </ConfirmDialog>
    </>
  );
}
