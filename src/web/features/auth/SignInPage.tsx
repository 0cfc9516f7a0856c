import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useLogin, useMe } from './api.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { landingPath } from './redirect.ts';
import { takeSessionEnded } from './sessionNotice.ts';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const form = useFormErrors(FIELDS);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const [sessionEnded] = useState(takeSessionEnded);

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={landingPath(me.data, next)} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (result) => navigate(landingPath(result, next), { replace: true }),
        onError: form.fromError,
      },
    );
  };

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to your organisation.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {sessionEnded && !form.general && (
            <FormErrorAlert title="Session ended" error={{ message: 'Your session has ended. Please sign in again.', issues: [] }} />
          )}
          <FormErrorAlert title="Sign-in failed" error={form.general} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={form.errors.email}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.errors.password}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
