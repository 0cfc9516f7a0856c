import { ActionIcon, Alert, Anchor, Button, Card, Group, List, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconDownload, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CONTRACT_STATUS_LABELS, CONTRACT_TYPE_LABELS, KEY_DATE_STATE_LABELS, NOTICE_KINDS, NOTICE_KIND_LABELS, NOTICE_METHODS, NOTICE_METHOD_LABELS, RENEWAL_KIND_LABELS } from '../../../shared/contracts/contracts.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { errorMessage } from '../../api/client.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate } from '../../lib/format.ts';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import { letterUrl, useAddCustomDate, useCustomDates, useRecordNotice, useRemoveCustomDate } from './api.ts';
import { periodText, valueWords } from './labels.ts';
import type { ContractTabProps } from './tabs.tsx';

const STATE_COLORS: Record<string, string> = { 'renews-unless-notice': 'orange', 'ends-unless-renewed': 'yellow', 'ending-by-notice': 'blue', ended: 'gray', ends: 'gray', 'open-ended': 'gray' };

function KeyDatesCard({ contract: c }: ContractTabProps) {
  const k = c.keyDates;
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Key dates
        </Title>
        <Alert color={STATE_COLORS[k.state]} variant="light" title={KEY_DATE_STATE_LABELS[k.state]} data-testid="key-dates-words">
          {k.words}
        </Alert>
        <DetailList
          cols={4}
          items={[
            { label: 'Decide by', value: k.decideBy ? formatDate(k.decideBy) : null },
            { label: 'Notice deadline', value: k.nextNoticeDeadline ? formatDate(k.nextNoticeDeadline) : k.noticeDeadline ? formatDate(k.noticeDeadline) : null },
            { label: 'Current term ends', value: k.termEnd ? formatDate(k.termEnd) : null },
            { label: 'Renews on', value: k.renewsOn ? formatDate(k.renewsOn) : null },
          ]}
        />
        <Text size="xs" c="dimmed">
          The notice deadline is the last day on which notice still takes effect by the end of the term. The date to decide by is that deadline moved back to a business day, minus your organisation's lead time.
        </Text>
      </Stack>
    </Card>
  );
}

function NoticeCard({ contract: c, me }: ContractTabProps) {
  const canWrite = roleCan(me.user.role, 'contract.write') && !c.archived;
  const record = useRecordNotice(c.id);
  const form = useFormErrors(['kind', 'givenOn', 'method', 'givenBy', 'note']);
  const [v, setV] = useState({ kind: c.renewalKind === 'none' && c.convenienceTermination ? 'termination' : 'non_renewal', givenOn: null as string | null, method: 'letter', givenBy: me.user.name, note: '' });
  const renews = c.renewalKind !== 'none' && !!c.initialTermEnd;
  const kinds = NOTICE_KINDS.filter((k) => (k === 'termination' ? c.convenienceTermination : renews));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      { kind: v.kind, givenOn: v.givenOn, method: v.method, givenBy: v.givenBy.trim(), note: blankToNull(v.note) },
      { onSuccess: () => notifications.show({ color: 'teal', title: 'Notice recorded', message: c.title }), onError: form.fromError },
    );
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Notice
        </Title>
        {c.notice ? (
          <DetailList
            items={[
              { label: 'Notice given', value: `${NOTICE_KIND_LABELS[c.notice.kind]} on ${formatDate(c.notice.givenOn)}` },
              { label: 'Ends on', value: c.notice.endsOn ? formatDate(c.notice.endsOn) : null },
              { label: 'How', value: NOTICE_METHOD_LABELS[c.notice.method] },
              { label: 'Given by', value: c.notice.givenBy },
              { label: 'Note', value: c.notice.note, wide: true },
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            No notice has been given.
          </Text>
        )}
        {kinds.length > 0 && (
          <Group gap="xs">
            {kinds.map((k) => (
              <Button key={k} component="a" href={letterUrl(c.id, k)} download variant="light" leftSection={<IconDownload size={16} />}>
                {k === 'termination' ? 'Termination letter' : 'Non-renewal letter'}
              </Button>
            ))}
          </Group>
        )}
        {canWrite && !c.notice && kinds.length > 0 && (
          <form onSubmit={submit} aria-label="Record notice" noValidate>
            <Stack gap="sm">
              <FormErrorAlert error={form.general} title="The notice was not recorded" />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select label="Notice of" data={options(kinds, NOTICE_KIND_LABELS)} value={v.kind} onChange={(kind) => setV({ ...v, kind: kind ?? 'non_renewal' })} allowDeselect={false} error={form.errors.kind} />
                <DatePickerInput label="Given on" required placeholder="Pick a date" valueFormat="D MMM YYYY" value={v.givenOn} onChange={(givenOn) => setV({ ...v, givenOn })} error={form.errors.givenOn} />
                <Select label="How" data={options(NOTICE_METHODS, NOTICE_METHOD_LABELS)} value={v.method} onChange={(method) => setV({ ...v, method: method ?? 'letter' })} allowDeselect={false} error={form.errors.method} />
                <TextInput label="Given by" required value={v.givenBy} onChange={(e) => setV({ ...v, givenBy: e.currentTarget.value })} error={form.errors.givenBy} />
              </SimpleGrid>
              <TextInput label="Note" placeholder="e.g. registered letter, tracking number" value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} error={form.errors.note} />
              <Group justify="flex-end">
                <Button type="submit" loading={record.isPending}>
                  Record notice given
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function CustomDatesCard({ contract: c, me }: ContractTabProps) {
  const canWrite = roleCan(me.user.role, 'contract.write') && !c.archived;
  const dates = useCustomDates(c.id);
  const add = useAddCustomDate(c.id);
  const remove = useRemoveCustomDate(c.id);
  const form = useFormErrors(['title', 'date', 'note']);
  const [v, setV] = useState({ title: '', date: null as string | null, note: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ title: v.title.trim(), date: v.date, note: blankToNull(v.note) }, { onSuccess: () => setV({ title: '', date: null, note: '' }), onError: form.fromError });
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Other dates
        </Title>
        {dates.data?.items.length ? (
          <List spacing={4} listStyleType="none" p={0}>
            {dates.data.items.map((d) => (
              <List.Item key={d.id}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600} miw={110}>
                    {formatDate(d.date)}
                  </Text>
                  <Text size="sm" style={{ flex: 1 }}>
                    {d.title}
                    {d.note && (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        — {d.note}
                      </Text>
                    )}
                  </Text>
                  {canWrite && (
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove ${d.title}`} onClick={() => remove.mutate(d.id, { onError: (err) => notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(err) }) })}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            No other dates, such as a price review or a benchmark window.
          </Text>
        )}
        {canWrite && (
          <form onSubmit={submit} aria-label="Add a date" noValidate>
            <Stack gap="xs">
              <FormErrorAlert error={form.general} title="The date was not added" />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput label="What" placeholder="e.g. Price review" value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} error={form.errors.title} />
                <DatePickerInput label="Date" placeholder="Pick a date" valueFormat="D MMM YYYY" value={v.date} onChange={(date) => setV({ ...v, date })} error={form.errors.date} />
                <TextInput label="Note" value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} error={form.errors.note} />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button type="submit" variant="light" leftSection={<IconCalendarPlus size={16} />} loading={add.isPending}>
                  Add date
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

/** The contract's overview: key dates in words, its terms, the engagements it covers, notice and added dates. */
export function ContractOverviewTab(props: ContractTabProps) {
  const c = props.contract;
  return (
    <Stack gap="lg">
      <KeyDatesCard {...props} />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Terms
          </Title>
          <DetailList
            items={[
              { label: 'Type', value: CONTRACT_TYPE_LABELS[c.type] },
              { label: 'Status', value: CONTRACT_STATUS_LABELS[c.status] },
              { label: 'Reference', value: c.reference },
              { label: 'Signed on', value: c.signedOn ? formatDate(c.signedOn) : null },
              { label: 'Effective from', value: c.effectiveOn ? formatDate(c.effectiveOn) : null },
              { label: 'Initial term ends', value: c.initialTermEnd ? formatDate(c.initialTermEnd) : null },
              { label: 'Renewal', value: c.renewalKind === 'none' ? RENEWAL_KIND_LABELS.none : `${RENEWAL_KIND_LABELS[c.renewalKind]} for ${periodText('months', c.renewalMonths)}` },
              { label: 'Notice period', value: periodText(c.noticeUnit, c.noticeCount) },
              { label: 'Termination for convenience', value: c.convenienceTermination ? `Allowed, with ${periodText(c.convenienceNoticeUnit, c.convenienceNoticeCount) ?? 'notice'}` : 'Not allowed' },
              { label: 'Value', value: valueWords(c) },
              { label: 'Internal owner', value: c.internalOwnerName },
              { label: 'Notes', value: c.notes, wide: true },
            ]}
          />
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Engagements covered
          </Title>
          {c.engagements.length ? (
            <List spacing={4}>
              {c.engagements.map((e) => (
                <List.Item key={e.id}>
                  <Anchor component={Link} to={`/engagements/${e.id}`} size="sm">
                    {e.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              This contract covers no engagement yet.
            </Text>
          )}
        </Stack>
      </Card>
      <NoticeCard {...props} />
      <CustomDatesCard {...props} />
    </Stack>
  );
}
