import { Alert, Button, CopyButton, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { SecretReveal } from '../../components/SecretReveal.tsx';
import type { EnrolmentT } from './securityApi.ts';

/** The QR code to scan, and the key to type for apps that cannot scan. */
export function EnrolmentCard({ enrolment }: { enrolment: EnrolmentT }) {
  const grouped = enrolment.secret.match(/.{1,4}/g)?.join(' ') ?? enrolment.secret;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, Bitwarden…), then enter the 6-digit code it shows.
      </Text>
      <Image src={enrolment.qrCode} alt="QR code to add Outsight to your authenticator app" w={200} h={200} mx="auto" style={{ background: 'white' }} />
      <SecretReveal label="Setup key (if you cannot scan)" value={grouped} note="Type this key into your app as a time-based key if scanning does not work." />
    </Stack>
  );
}

/** A 6-digit code field (also takes a recovery code where `recovery` is set). */
export function CodeForm({
  label = 'Code from your authenticator app',
  description,
  submitLabel,
  loading,
  error,
  onSubmit,
}: {
  label?: string;
  description?: string;
  submitLabel: string;
  loading: boolean;
  error?: string;
  onSubmit: (code: string) => void;
}) {
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(code.trim());
  };
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <TextInput
          label={label}
          description={description}
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={error}
        />
        <Button type="submit" loading={loading} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

/** Recovery codes, shown once, with a copy button; `onDone` when the person has saved them. */
export function RecoveryCodesCard({ codes, onDone, doneLabel = 'I have saved them' }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  return (
    <Stack gap="sm">
      <Text size="sm">
        Keep these recovery codes somewhere safe (a password manager, or on paper). Each one lets you sign in once if you lose your phone.
      </Text>
      <List spacing={2} size="sm" ff="monospace" data-testid="recovery-codes" listStyleType="none">
        {codes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} p="xs">
        <Text size="sm">You will not see these codes again. You can make new ones in Settings → Security.</Text>
      </Alert>
      <Group justify="flex-end" gap="xs">
        <CopyButton value={codes.join('\n')} timeout={2000}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
              {copied ? 'Copied' : 'Copy the codes'}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{doneLabel}</Button>
      </Group>
    </Stack>
  );
}
