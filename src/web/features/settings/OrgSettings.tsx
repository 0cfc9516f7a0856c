import { Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { requiredText } from '../../../shared/contracts/common.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useOrg, useUpdateOrg } from './api.ts';

const OrgUpdate = z.object({ name: requiredText(200) });
const FIELDS = ['name'] as const;

export function OrgSettings() {
  usePageTitle('Organisation settings');
  const me = useSession();
  const org = useOrg();
  const update = useUpdateOrg();
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState('');
  const canManage = roleCan(me.user.role, 'org.manage');

  useEffect(() => {
    if (org.data) setName(org.data.name);
  }, [org.data]);

  if (org.isPending) return <Skeleton h={160} radius="md" />;
  if (org.isError) return <QueryError error={org.error} onRetry={() => org.refetch()} what="the organisation" />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(OrgUpdate, { name });
    if (!input) return;
    update.mutate(input, {
      onSuccess: () => notifications.show({ color: 'teal', title: 'Organisation saved', message: input.name }),
      onError: form.fromError,
    });
  };

  return (
    <Paper withBorder radius="md" p="lg" maw={640}>
      <form onSubmit={submit} noValidate aria-label="Organisation">
        <Stack gap="md">
          <div>
            <Title order={2} size="h4">
              Organisation
            </Title>
            <Text size="sm" c="dimmed">
              {canManage ? 'The name everyone in your organisation and your vendors see.' : 'Only owners and admins can change these settings.'}
            </Text>
          </div>
          <FormErrorAlert error={form.general} />
          <TextInput
            label="Organisation name"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              form.clearField('name');
            }}
            error={form.errors.name}
            readOnly={!canManage}
            required
          />
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={name.trim() === org.data.name}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
