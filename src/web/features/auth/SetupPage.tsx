import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { SetupRequest } from '../../../shared/contracts/auth.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSetup, useSetupStatus } from './api.ts';
import { AuthLayout } from './AuthLayout.tsx';

const FIELDS = ['orgName', 'name', 'email', 'password'] as const;

/** First run: create the organisation and its owner, then sign in. */
export function SetupPage() {
  usePageTitle('Create your organisation');
  const status = useSetupStatus();
  const setup = useSetup();
  const navigate = useNavigate();
  const form = useFormErrors(FIELDS);
  const [values, setValues] = useState({ orgName: '', name: '', email: '', password: '' });

  if (status.data && !status.data.needsSetup && !setup.isSuccess) return <Navigate to="/sign-in" replace />;

  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(key);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(SetupRequest, values);
    if (!input) return;
    setup.mutate(input, { onSuccess: () => navigate('/', { replace: true }), onError: form.fromError });
  };

  return (
    <AuthLayout
      title="Create your organisation"
      subtitle="Outsight has no organisation yet. Create it and its first owner account."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormErrorAlert title="Could not create the organisation" error={form.general} />
          <TextInput label="Organisation name" required value={values.orgName} onChange={set('orgName')} error={form.errors.orgName} autoFocus />
          <TextInput label="Your name" required autoComplete="name" value={values.name} onChange={set('name')} error={form.errors.name} />
          <TextInput label="Email" type="email" required autoComplete="username" value={values.email} onChange={set('email')} error={form.errors.email} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            required
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            error={form.errors.password}
          />
          <Button type="submit" loading={setup.isPending} fullWidth>
            Create organisation
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
