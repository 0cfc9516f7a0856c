import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ROLE_LABELS } from '../../../shared/contracts/auth.ts';
import { InvitationAccept } from '../../../shared/contracts/users.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useAcceptInvitation, useInvitationPreview } from './api.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { landingPath } from './redirect.ts';

const FIELDS = ['name', 'password'] as const;

/** `/invite/:token`: accept an invitation by choosing a name and password. */
export function InvitePage() {
  usePageTitle('Accept invitation');
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  if (preview.isPending) {
    return (
      <AuthLayout title="Accept invitation">
        <Center py="lg">
          <Loader aria-label="Loading invitation" />
        </Center>
      </AuthLayout>
    );
  }

  if (preview.isError) {
    const gone = preview.error instanceof ApiError && [404, 410].includes(preview.error.status);
    return (
      <AuthLayout title="This invitation cannot be used">
        <Alert color="orange" variant="light" icon={<IconMailOff size={18} />}>
          {gone
            ? 'The link is wrong, has expired or was already used. Ask the person who invited you for a new invitation.'
            : errorMessage(preview.error)}
        </Alert>
        <Anchor component={Link} to="/sign-in" size="sm">
          Go to sign-in
        </Anchor>
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(InvitationAccept, { name, password });
    if (!input) return;
    accept.mutate(input, {
      onSuccess: (me) => navigate(landingPath(me, null), { replace: true }),
      onError: form.fromError,
    });
  };

  return (
    <AuthLayout
      title={`Join ${invitation.orgName}`}
      subtitle={
        <>
          You were invited as <strong>{ROLE_LABELS[invitation.role]}</strong>. Choose your name and a password to finish. If
          you already sign in to Outsight with this address, enter that password instead: it stays the same.
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormErrorAlert title="Could not accept the invitation" error={form.general} />
          <TextInput label="Email" value={invitation.email} readOnly disabled />
          <TextInput
            label="Your name"
            required
            autoComplete="name"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              form.clearField('name');
            }}
            error={form.errors.name}
            autoFocus
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters, or the password you already sign in with"
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              form.clearField('password');
            }}
            error={form.errors.password}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Accept invitation
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to="/sign-in" size="xs">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
