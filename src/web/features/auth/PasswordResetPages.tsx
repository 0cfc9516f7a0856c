import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { useConfirmReset, useRequestReset } from './securityApi.ts';

const backToSignIn = (
  <Anchor component={Link} to="/sign-in" size="sm" ta="center">
    Back to sign-in
  </Anchor>
);

/** "Forgot your password?": the same answer whether or not the address has an account. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  const request = useRequestReset();
  const form = useFormErrors(['email']);
  const [email, setEmail] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    request.mutate(email.trim(), { onError: form.fromError });
  };
  return (
    <AuthLayout title="Forgot your password?" subtitle="We will e-mail you a link to choose a new one.">
      {request.data ? (
        <Stack>
          <Alert color="teal" variant="light" title="Check your e-mail">
            {request.data.message}
          </Alert>
          {backToSignIn}
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormErrorAlert title="The link was not sent" error={form.general} />
            <TextInput label="Email" type="email" autoComplete="username" autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={form.errors.email} />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send the link
            </Button>
            {backToSignIn}
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

/** The page a reset e-mail links to. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const { token = '' } = useParams();
  const confirm = useConfirmReset();
  const form = useFormErrors(['password', 'repeat']);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    if (password !== repeat) {
      form.fromError(new ApiError(400, 'validation_failed', 'The two passwords differ.', { issues: [{ path: 'repeat', message: 'Type the same password twice.' }] }));
      return;
    }
    confirm.mutate({ token, password }, { onError: form.fromError });
  };
  return (
    <AuthLayout title="Choose a new password" subtitle="At least 10 characters. A phrase of three or four unrelated words works well.">
      {confirm.data ? (
        <Stack>
          <Alert color="teal" variant="light" title="Password changed">
            {confirm.data.message}
          </Alert>
          <Button component={Link} to="/sign-in">
            Sign in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormErrorAlert title="The password was not changed" error={form.general} />
            <PasswordInput label="New password" autoComplete="new-password" autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={form.errors.password} />
            <PasswordInput label="Repeat the new password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={form.errors.repeat} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              Save the new password
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              Every open session ends when the password changes.
            </Text>
            {backToSignIn}
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
