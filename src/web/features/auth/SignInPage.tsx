import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { MeT } from '../../api/types.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useMe } from './api.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { CodeForm, EnrolmentCard, RecoveryCodesCard } from './MfaPieces.tsx';
import { landingPath } from './redirect.ts';
import { isLoginStep, useConfirmEnrolAtSignIn, useEnrolAtSignIn, useLoginCode, useLoginStep, type EnrolmentT, type LoginStepT } from './securityApi.ts';
import { takeSessionEnded } from './sessionNotice.ts';

const FIELDS = ['email', 'password', 'code'] as const;

export function SignInPage() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLoginStep();
  const form = useFormErrors(FIELDS);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // After "too many attempts", a code from the authenticator still lets the right person in.
  const [askCode, setAskCode] = useState(false);
  const [step, setStep] = useState<LoginStepT | null>(null);
  const [done, setDone] = useState(false);
  const next = params.get('next');
  const [sessionEnded] = useState(takeSessionEnded);

  const finish = (result: MeT) => {
    setDone(true);
    navigate(landingPath(result, next), { replace: true });
  };

  if (me.data && !step && !login.isPending && !done) return <Navigate to={landingPath(me.data, next)} replace />;

  if (step?.step === 'code') return <CodeStep step={step} onSignedIn={finish} onRestart={() => setStep(null)} />;
  if (step?.step === 'enrol') return <EnrolStep step={step} onSignedIn={finish} onRestart={() => setStep(null)} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    login.mutate(
      { email: email.trim(), password, ...(askCode && code.trim() ? { code: code.trim() } : {}) },
      {
        onSuccess: (result) => (isLoginStep(result) ? setStep(result) : finish(result)),
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'rate_limited') setAskCode(true);
          form.fromError(err);
        },
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
          {askCode && (
            <TextInput
              label="Code from your authenticator app"
              description="If you use two-step sign-in, your password and a current code (or a recovery code) let you in now."
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={form.errors.code}
            />
          )}
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
          <Group justify="center">
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot your password?
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}

function CodeStep({ step, onSignedIn, onRestart }: { step: LoginStepT; onSignedIn: (me: MeT) => void; onRestart: () => void }) {
  const submit = useLoginCode();
  const form = useFormErrors(['code']);
  return (
    <AuthLayout title="Two-step sign-in" subtitle={step.message}>
      <FormErrorAlert title="Not signed in" error={form.errors.code ? null : form.general} />
      <CodeForm
        label="Authentication code"
        description="6 digits from your app, or one of your recovery codes."
        submitLabel="Verify and sign in"
        loading={submit.isPending}
        error={form.errors.code}
        onSubmit={(code) => {
          form.reset();
          submit.mutate({ challenge: step.challenge, code }, { onSuccess: onSignedIn, onError: form.fromError });
        }}
      />
      <Button variant="subtle" onClick={onRestart}>
        Start again
      </Button>
    </AuthLayout>
  );
}

function EnrolStep({ step, onSignedIn, onRestart }: { step: LoginStepT; onSignedIn: (me: MeT) => void; onRestart: () => void }) {
  const start = useEnrolAtSignIn();
  const { mutation: confirm, signedIn } = useConfirmEnrolAtSignIn();
  const form = useFormErrors(['code']);
  const [enrolment, setEnrolment] = useState<EnrolmentT | null>(null);
  const [codes, setCodes] = useState<{ me: MeT; recoveryCodes: string[] } | null>(null);

  if (codes) {
    return (
      <AuthLayout title="Save your recovery codes" subtitle="Two-step sign-in is on.">
        <RecoveryCodesCard
          codes={codes.recoveryCodes}
          doneLabel="Continue to Outsight"
          onDone={() => {
            signedIn(codes.me);
            onSignedIn(codes.me);
          }}
        />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Set up two-step sign-in" subtitle={step.message}>
      <FormErrorAlert title="Not set up yet" error={form.errors.code ? null : form.general} />
      {!enrolment ? (
        <Stack gap="sm">
          <Text size="sm">You need an authenticator app on your phone. Outsight will show a code to scan.</Text>
          <Button loading={start.isPending} onClick={() => start.mutate(step.challenge, { onSuccess: setEnrolment, onError: form.fromError })}>
            Show the code to scan
          </Button>
        </Stack>
      ) : (
        <>
          <EnrolmentCard enrolment={enrolment} />
          <CodeForm
            submitLabel="Turn on and sign in"
            loading={confirm.isPending}
            error={form.errors.code}
            onSubmit={(code) => {
              form.reset();
              confirm.mutate({ challenge: step.challenge, code }, { onSuccess: setCodes, onError: form.fromError });
            }}
          />
        </>
      )}
      <Button variant="subtle" onClick={onRestart}>
        Start again
      </Button>
    </AuthLayout>
  );
}
