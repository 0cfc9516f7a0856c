import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { VENDOR_KIND_LABELS } from '../../../shared/contracts/vendors.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { ArchivedBadge, TierBadge, VendorStatusBadge } from '../../components/Badges.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegistryTabs, useTabParam } from '../../components/TabRegistry.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { countryName } from '../../lib/regions.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useArchiveVendor, useVendor } from './api.ts';
import { VENDOR_TABS } from './tabs.tsx';

export function VendorPage() {
  const { id = '' } = useParams();
  const tab = useTabParam();
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
      <RegistryTabs
        tabs={VENDOR_TABS}
        role={me.user.role}
        value={tab}
        onChange={(t) => navigate(t === VENDOR_TABS[0].value ? `/vendors/${v.id}` : `/vendors/${v.id}/${t}`, { replace: true })}
        label="Vendor sections"
        props={{ vendor: v, me }}
      />
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
