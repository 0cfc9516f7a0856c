import { Alert, Badge, Button, Group, Modal, Paper, PasswordInput, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { roleCan } from '../../../shared/permissions.ts';
import { ApiError } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { CodeForm, EnrolmentCard, RecoveryCodesCard } from '../auth/MfaPieces.tsx';
import {
  useAccountSecurity,
  useChangePassword,
  useConfirmMfaSetup,
  useOrgSecurity,
  useRenewRecoveryCodes,
  useSessions,
  useSetOrgSecurity,
  useSignOutOthers,
  useStartMfaSetup,
  useTurnOffMfa,
  type EnrolmentT,
} from '../auth/securityApi.ts';

/** Settings → Security: my two-step sign-in, password and sessions; the owner's organisation rule. */
export function SecuritySettings() {
  usePageTitle('Security');
  const me = useSession();
  return (
    <Stack gap="lg" maw={720}>
      <TwoStepSection />
      <PasswordSection />
      <SessionsSection />
      {roleCan(me.user.role, 'org.security') && <OrgRuleSection />}
    </Stack>
  );
}

function Section({ title, children, description }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/** Asks for the password before a sensitive change, in a modal. */
function PasswordPrompt({ title, action, opened, onClose, onConfirm, loading, error }: {
  title: string;
  action: string;
  opened: boolean;
  onClose: () => void;
  onConfirm: (password: string) => void;
  loading: boolean;
  error: unknown;
}) {
  const [password, setPassword] = useState('');
  const form = useFormErrors(['password']);
  const shown = error instanceof ApiError ? error : null;
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          form.reset();
          onConfirm(password);
        }}
        noValidate
      >
        <Stack>
          {shown && !shown.issues.length && <Alert color="red" variant="light">{shown.message}</Alert>}
          <PasswordInput
            label="Your password"
            autoComplete="current-password"
            data-autofocus
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={shown?.issues.find((i) => i.path === 'password')?.message}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              {action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TwoStepSection() {
  const status = useAccountSecurity();
  const start = useStartMfaSetup();
  const confirm = useConfirmMfaSetup();
  const off = useTurnOffMfa();
  const renew = useRenewRecoveryCodes();
  const [enrolment, setEnrolment] = useState<EnrolmentT | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [prompt, setPrompt] = useState<'off' | 'renew' | null>(null);
  const form = useFormErrors(['code']);

  const description = 'A code from an app on your phone, asked after your password, keeps your account safe even if the password leaks.';
  if (status.isPending) return <Section title="Two-step sign-in" description={description}><Skeleton h={60} /></Section>;
  if (status.isError) return <Section title="Two-step sign-in"><QueryError error={status.error} /></Section>;
  const s = status.data;

  if (codes) {
    return (
      <Section title="Two-step sign-in" description="Two-step sign-in is on.">
        <RecoveryCodesCard codes={codes} onDone={() => setCodes(null)} />
      </Section>
    );
  }

  if (enrolment) {
    return (
      <Section title="Set up two-step sign-in">
        <EnrolmentCard enrolment={enrolment} />
        <FormErrorAlert title="Not turned on yet" error={form.errors.code ? null : form.general} />
        <CodeForm
          submitLabel="Turn on two-step sign-in"
          loading={confirm.isPending}
          error={form.errors.code}
          onSubmit={(code) => {
            form.reset();
            confirm.mutate(code, {
              onSuccess: (r) => {
                setEnrolment(null);
                setCodes(r.recoveryCodes);
              },
              onError: form.fromError,
            });
          }}
        />
        <Button variant="subtle" onClick={() => setEnrolment(null)}>
          Cancel
        </Button>
      </Section>
    );
  }

  return (
    <Section title="Two-step sign-in" description={description}>
      {s.orgRequiresMfa && !s.mfa.enabled && (
        <Alert color="yellow" variant="light">
          Your organisation requires two-step sign-in. Set it up now, or you will be asked to at your next sign-in.
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <Badge color={s.mfa.enabled ? 'teal' : 'gray'} variant="light">
            {s.mfa.enabled ? 'On' : 'Off'}
          </Badge>
          {s.mfa.enabled && (
            <Text size="sm" c="dimmed">
              Since {formatDate(s.mfa.enabledAt)} · {s.mfa.recoveryCodesLeft} of 10 recovery codes left
            </Text>
          )}
        </Group>
        {s.mfa.enabled ? (
          <Group gap="xs">
            <Button variant="default" size="sm" onClick={() => setPrompt('renew')}>
              New recovery codes
            </Button>
            {!s.orgRequiresMfa && (
              <Button variant="default" color="red" size="sm" onClick={() => setPrompt('off')}>
                Turn off
              </Button>
            )}
          </Group>
        ) : (
          <Button size="sm" loading={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: setEnrolment, onError: form.fromError })}>
            Set up an authenticator app
          </Button>
        )}
      </Group>
      {s.mfa.enabled && s.mfa.recoveryCodesLeft <= 2 && (
        <Alert color="yellow" variant="light">
          Few recovery codes are left. Make new ones so you can still sign in without your phone.
        </Alert>
      )}
      <PasswordPrompt
        title={prompt === 'off' ? 'Turn off two-step sign-in' : 'Make new recovery codes'}
        action={prompt === 'off' ? 'Turn off' : 'Make new codes'}
        opened={prompt !== null}
        onClose={() => {
          setPrompt(null);
          off.reset();
          renew.reset();
        }}
        loading={off.isPending || renew.isPending}
        error={prompt === 'off' ? off.error : renew.error}
        onConfirm={(password) => {
          if (prompt === 'off') {
            off.mutate(password, {
              onSuccess: () => {
                setPrompt(null);
                notifications.show({ color: 'teal', message: 'Two-step sign-in is off.' });
              },
            });
          } else {
            renew.mutate(password, {
              onSuccess: (r) => {
                setPrompt(null);
                setCodes(r.recoveryCodes);
              },
            });
          }
        }}
      />
    </Section>
  );
}

function PasswordSection() {
  const change = useChangePassword();
  const form = useFormErrors(['currentPassword', 'newPassword', 'repeat']);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    if (next !== repeat) {
      form.fromError(new ApiError(400, 'validation_failed', 'The two new passwords differ.', { issues: [{ path: 'repeat', message: 'Type the same password twice.' }] }));
      return;
    }
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
          notifications.show({ color: 'teal', message: 'Password changed. Your other sessions were signed out.' });
        },
        onError: form.fromError,
      },
    );
  };
  return (
    <Section title="Password" description="At least 10 characters, and not a common password. A phrase of three or four unrelated words works well.">
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="sm">
          <FormErrorAlert title="The password was not changed" error={form.general} />
          <PasswordInput label="Current password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={form.errors.currentPassword} />
          <PasswordInput label="New password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={form.errors.newPassword} />
          <PasswordInput label="Repeat the new password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={form.errors.repeat} />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const sessions = useSessions();
  const signOut = useSignOutOthers();
  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <Section title="Where you are signed in" description="Sessions end after a while without use. Sign out the others if you see one you do not know.">
      {sessions.isPending && <Skeleton h={60} />}
      {sessions.isError && <QueryError error={sessions.error} />}
      {sessions.data && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {sessions.data.items.map((s) => (
            <Paper key={s.id} component="li" withBorder radius="sm" p="sm">
              <Group justify="space-between" wrap="wrap" gap={4}>
                <Stack gap={0}>
                  <Group gap="xs">
                    <Text fw={500} size="sm">
                      {s.device}
                    </Text>
                    {s.current && (
                      <Badge size="sm" variant="light" color="teal">
                        This device
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {s.address ? `From ${s.address} · ` : ''}signed in on {formatDateTime(s.createdAt)}
                  </Text>
                </Stack>
                <Text size="xs" c="dimmed">
                  Last active <TimeAgo value={s.lastSeenAt} />
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Group justify="flex-end">
        <Button
          variant="default"
          disabled={others === 0}
          loading={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: (r) => notifications.show({ color: 'teal', message: r.ended === 1 ? 'One other session was signed out.' : `${r.ended} other sessions were signed out.` }),
            })
          }
        >
          Sign out all other sessions
        </Button>
      </Group>
    </Section>
  );
}

function OrgRuleSection() {
  const rule = useOrgSecurity(true);
  const set = useSetOrgSecurity();
  return (
    <Section title="Your organisation" description="Owners decide whether everyone must use two-step sign-in. People without it are asked to set it up at their next sign-in. Vendor contacts sign in by e-mailed links and are not asked.">
      {rule.isError && <QueryError error={rule.error} />}
      <Switch
        label="Require two-step sign-in for everyone"
        checked={rule.data?.requireMfa ?? false}
        disabled={rule.isPending || set.isPending}
        onChange={(e) => set.mutate(e.currentTarget.checked, { onSuccess: (r) => notifications.show({ color: 'teal', message: r.requireMfa ? 'Two-step sign-in is now required.' : 'Two-step sign-in is now optional.' }) })}
      />
      {set.error instanceof ApiError && (
        <Alert color="red" variant="light">
          {set.error.issues[0]?.message ?? set.error.message}
        </Alert>
      )}
    </Section>
  );
}
