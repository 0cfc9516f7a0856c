import { Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import type { VendorInput } from '../../../shared/contracts/vendors.ts';
import { ApiError } from '../../api/client.ts';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useCreateVendor, useUpdateVendor, useVendor } from './api.ts';
import { VendorForm } from './VendorForm.tsx';
import { emptyVendorValues, valuesFromVendor } from './vendorFormValues.ts';

export function VendorCreatePage() {
  usePageTitle('New vendor');
  const navigate = useNavigate();
  const create = useCreateVendor();
  return (
    <>
      <PageHeader
        title="New vendor"
        crumbs={[{ label: 'Vendors', to: '/vendors' }, { label: 'New vendor' }]}
        description="Only the name and kind are required; fill in the rest as you learn it."
      />
      <VendorForm
        initial={emptyVendorValues}
        submitLabel="Create vendor"
        saving={create.isPending}
        onCancel={() => navigate('/vendors')}
        onSubmit={(payload, form) =>
          create.mutate(payload as VendorInput, {
            onSuccess: (vendor) => {
              notifications.show({ color: 'teal', title: 'Vendor created', message: vendor.name });
              navigate(`/vendors/${vendor.id}`);
            },
            onError: form.fromError,
          })
        }
      />
    </>
  );
}

export function VendorEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const vendor = useVendor(id);
  const update = useUpdateVendor(id);
  usePageTitle(vendor.data ? `Edit ${vendor.data.name}` : 'Edit vendor');

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

  return (
    <>
      <PageHeader
        title={`Edit ${vendor.data.name}`}
        crumbs={[
          { label: 'Vendors', to: '/vendors' },
          { label: vendor.data.name, to: `/vendors/${id}` },
          { label: 'Edit' },
        ]}
      />
      <VendorForm
        key={id}
        initial={valuesFromVendor(vendor.data)}
        submitLabel="Save changes"
        saving={update.isPending}
        onCancel={() => navigate(`/vendors/${id}`)}
        onSubmit={(payload, form) =>
          update.mutate(payload as Partial<VendorInput>, {
            onSuccess: (saved) => {
              notifications.show({ color: 'teal', title: 'Vendor saved', message: saved.name });
              navigate(`/vendors/${id}`);
            },
            onError: form.fromError,
          })
        }
      />
    </>
  );
}
