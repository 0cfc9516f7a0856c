import { Alert, Anchor, Button, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { CONTRACT_TYPE_LABELS } from '../../../shared/contracts/contracts.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { ArchivedBadge } from '../../components/Badges.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegistryTabs, useTabParam } from '../../components/TabRegistry.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useArchiveContract, useContract } from './api.ts';
import { ContractFormModal } from './ContractFormModal.tsx';
import { ContractStatusBadge } from './ContractTable.tsx';
import { CONTRACT_TABS } from './tabs.tsx';

/** One contract: its header, and the tabs of the registry (Overview; clauses, deliverables and payments from other modules). */
export function ContractPage() {
  const { id = '' } = useParams();
  const tab = useTabParam();
  const navigate = useNavigate();
  const me = useSession();
  const contract = useContract(id);
  const archive = useArchiveContract(id);
  const [editOpen, edit] = useDisclosure(false);
  const [confirmOpen, confirm] = useDisclosure(false);
  const canWrite = roleCan(me.user.role, 'contract.write');
  usePageTitle(contract.data?.title ?? 'Contract');

  if (contract.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading contract" />
      </Center>
    );
  }
  if (contract.isError) {
    if (contract.error instanceof ApiError && contract.error.status === 404) return <NotFound what="contract" backTo="/contracts" backLabel="Back to contracts" />;
    return <QueryError error={contract.error} onRetry={() => contract.refetch()} what="the contract" />;
  }
  const c = contract.data;
  const toggleArchive = () =>
    archive.mutate(!c.archived, {
      onSuccess: (saved) => {
        confirm.close();
        notifications.show({ color: 'teal', title: saved.archived ? 'Contract archived' : 'Contract restored', message: saved.title });
      },
      onError: (err) => notifications.show({ color: 'red', title: 'Could not change the contract', message: errorMessage(err) }),
    });

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Contracts', to: '/contracts' }, { label: c.title }]}
        title={c.title}
        badges={
          <>
            <ContractStatusBadge status={c.status} />
            {c.archived && <ArchivedBadge />}
          </>
        }
        description={
          <>
            {CONTRACT_TYPE_LABELS[c.type]} with{' '}
            <Anchor component={Link} to={`/vendors/${c.vendorId}`} size="sm">
              {c.vendorName}
            </Anchor>
            {c.parentId && (
              <>
                {c.type === 'amendment' ? ', amending ' : ', under '}
                <Anchor component={Link} to={`/contracts/${c.parentId}`} size="sm">
                  {c.parentTitle}
                </Anchor>
              </>
            )}
          </>
        }
        actions={
          canWrite && (
            <>
              <Button variant="default" leftSection={c.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />} onClick={c.archived ? toggleArchive : confirm.open} loading={archive.isPending && !confirmOpen}>
                {c.archived ? 'Restore' : 'Archive'}
              </Button>
              {!c.archived && (
                <Button leftSection={<IconPencil size={16} />} onClick={edit.open}>
                  Edit contract
                </Button>
              )}
            </>
          )
        }
      />
      {c.archived && (
        <Alert color="gray" variant="light" mb="md" title="This contract is archived">
          Restore it to make changes. Archived contracts get no reminders.
        </Alert>
      )}
      <RegistryTabs
        tabs={CONTRACT_TABS}
        role={me.user.role}
        value={tab}
        onChange={(t) => navigate(t === CONTRACT_TABS[0].value ? `/contracts/${c.id}` : `/contracts/${c.id}/${t}`, { replace: true })}
        label="Contract sections"
        props={{ contract: c, me }}
      />
      {canWrite && <ContractFormModal opened={editOpen} onClose={edit.close} contract={c} />}
      <ConfirmDialog opened={confirmOpen} title={`Archive ${c.title}?`} confirmLabel="Archive contract" color="orange" loading={archive.isPending} onConfirm={toggleArchive} onClose={confirm.close}>
        The contract and its history stay in Outsight but leave the lists, the key dates and the reminders. You can restore it at any time.
      </ConfirmDialog>
    </>
  );
}
