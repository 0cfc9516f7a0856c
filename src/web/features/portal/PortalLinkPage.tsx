import { Alert, Button, Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconLinkOff, IconMailForward } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useMe } from '../auth/api.ts';
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { useOpenPortalLink, useRequestFreshLink } from './api.ts';

function failure(error: unknown): { title: string; message: string } {
  if (error instanceof ApiError && error.status === 404) {
    return { title: 'This link is not valid', message: 'Check that you opened the whole link from the e-mail, or ask for a new one.' };
  }
  if (error instanceof ApiError && error.status === 410) return { title: 'This link can no longer be used', message: error.message };
  return { title: 'The portal could not be opened', message: errorMessage(error) };
}

/** A vendor whose link was used or expired asks for a new one at the address the questionnaire was sent to. */
function AskForNewLink() {
  const request = useRequestFreshLink();
  const [email, setEmail] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (email.trim()) request.mutate(email.trim());
  };
  if (request.isSuccess) {
    return (
      <Alert color="teal" variant="light" icon={<IconMailForward size={18} />} title="Check your inbox" role="status">
        {request.data.message}
      </Alert>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Ask for a new link">
      <Stack gap="xs">
        <TextInput type="email" label="Your e-mail address" description="The address the questionnaire was sent to. Your answers so far are kept." required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="email" />
        {request.isError && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(request.error)}
          </Text>
        )}
        <Button type="submit" loading={request.isPending} leftSection={<IconMailForward size={16} />} fullWidth>
          E-mail me a new link
        </Button>
      </Stack>
    </form>
  );
}

/**
 * `/portal/link/:token`: the single-use link e-mailed to a vendor contact. It opens a
 * portal session without a password, then goes to the questionnaire it was sent for.
 */
export function PortalLinkPage() {
  usePageTitle('Vendor portal');
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const open = useOpenPortalLink();
  const me = useMe();
  const started = useRef(false);

  useEffect(() => {
    // The link works once: never send it twice (StrictMode runs effects twice in development).
    if (started.current) return;
    started.current = true;
    open.mutate(token, {
      onSuccess: ({ assessmentId }) => {
        const target = assessmentId ?? params.get('assessment');
        navigate(target ? `/portal/assessments/${encodeURIComponent(target)}` : '/portal', { replace: true });
      },
    });
  }, [open, token, params, navigate]);

  if (!open.isError) {
    return (
      <Center mih="100dvh" component="main" id="main">
        <Stack align="center" gap="sm">
          <Loader aria-label="Opening the portal" />
          <Text c="dimmed">Opening your questionnaire…</Text>
        </Stack>
      </Center>
    );
  }

  const { title, message } = failure(open.error);
  const contact = me.data?.user.role === 'vendor_contact';
  return (
    <AuthLayout title={title}>
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconLinkOff size={18} />} role="alert">
          <Text size="sm">{message}</Text>
        </Alert>
        <Text size="sm" c="dimmed">
          Each link signs you in once and expires after 14 days. Ask for a new one below: it goes to the address the questionnaire was sent to.
        </Text>
        {contact ? (
          <Button component={Link} to="/portal" fullWidth>
            Go to your portal
          </Button>
        ) : (
          <>
            <AskForNewLink />
            <Button component={Link} to="/sign-in?next=%2Fportal" fullWidth variant="subtle">
              I have a password: sign in
            </Button>
          </>
        )}
      </Stack>
    </AuthLayout>
  );
}
