import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useAllCalendars } from '../sla/lists.ts';
import { usePeople, useUpdateGovernance, type GovernanceT } from './api.ts';

const FIELDS = ['clientContactId', 'vendorContactId', 'escalation', 'chatChannel', 'meetingLink', 'vendorTeamSize', 'vendorLocations', 'clientCalendarId', 'vendorCalendarId', 'requiredOverlapHours', 'statusReportRrule', 'statusReportFrom'] as const;
const REPORTING = [
  { value: 'none', label: 'None asked for' },
  { value: 'FREQ=WEEKLY;BYDAY=MO', label: 'Weekly, due Monday' },
  { value: 'FREQ=WEEKLY;BYDAY=FR', label: 'Weekly, due Friday' },
  { value: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', label: 'Every two weeks, due Monday' },
  { value: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1', label: 'Monthly, due the first working day' },
];
type Level = { clientPerson: string; vendorPerson: string; afterHours: number | string };

/** Edits contacts, the escalation ladder, channels, the vendor's team and both teams' working hours. */
export function GovernanceFormModal({ g, onClose }: { g: GovernanceT; onClose: () => void }) {
  const people = usePeople(g.vendorId);
  const calendars = useAllCalendars();
  const save = useUpdateGovernance(g.engagementId);
  const form = useFormErrors(FIELDS);
  const [clientContactId, setClient] = useState<string | null>(g.clientContact?.id ?? null);
  const [vendorContactId, setVendor] = useState<string | null>(g.vendorContact?.id ?? null);
  const [levels, setLevels] = useState<Level[]>(g.escalation.map(({ clientPerson, vendorPerson, afterHours }) => ({ clientPerson, vendorPerson, afterHours })));
  const [chatChannel, setChat] = useState(g.chatChannel ?? '');
  const [meetingLink, setLink] = useState(g.meetingLink ?? '');
  const [teamSize, setTeamSize] = useState<number | string>(g.vendorTeamSize ?? '');
  const [locations, setLocations] = useState<string[]>(g.vendorLocations);
  const [clientCalendarId, setClientCal] = useState<string | null>(g.clientCalendar?.id ?? null);
  const [vendorCalendarId, setVendorCal] = useState<string | null>(g.vendorCalendar?.id ?? null);
  const [required, setRequired] = useState<number | string>(g.requiredOverlapHours ?? '');
  const [reporting, setReporting] = useState<string>(g.statusReportRrule ?? 'none');
  const [reportFrom, setReportFrom] = useState(g.statusReportFrom ?? new Date().toISOString().slice(0, 10));
  const reportingOptions = REPORTING.some((r) => r.value === reporting) ? REPORTING : [...REPORTING, { value: reporting, label: g.statusReportWords ?? reporting }];
  const calOptions = (calendars.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.timeZone})` }));
  const setLevel = (i: number, patch: Partial<Level>) => setLevels((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        clientContactId,
        vendorContactId,
        escalation: levels.map((l) => ({ ...l, afterHours: Number(l.afterHours) || 0 })),
        chatChannel: chatChannel.trim() || null,
        meetingLink: meetingLink.trim() || null,
        vendorTeamSize: teamSize === '' ? null : Number(teamSize),
        vendorLocations: locations,
        clientCalendarId,
        vendorCalendarId,
        requiredOverlapHours: required === '' ? null : Number(required),
        statusReportRrule: reporting === 'none' ? null : reporting,
        statusReportFrom: reporting === 'none' ? null : reportFrom,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Contacts saved', message: `Governance of ${g.engagementName}` });
          onClose();
        },
        onError: form.fromError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Contacts, escalation and working hours" size="xl">
      <form onSubmit={submit} noValidate aria-label="Contacts and escalation">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The contacts were not saved" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Our point of contact" data={people.data?.staff ?? []} searchable clearable value={clientContactId} onChange={setClient} error={form.errors.clientContactId} />
            <Select
              label={`${g.vendorName}'s point of contact`}
              description={people.data && people.data.contacts.length === 0 ? 'Invite a contact of this vendor first (Settings → Users).' : undefined}
              data={people.data?.contacts ?? []}
              searchable
              clearable
              value={vendorContactId}
              onChange={setVendor}
              error={form.errors.vendorContactId}
            />
            <TextInput label="Chat channel" placeholder="#acme-operations" value={chatChannel} onChange={(e) => setChat(e.currentTarget.value)} error={form.errors.chatChannel} />
            <TextInput label="Meeting link" placeholder="https://…" value={meetingLink} onChange={(e) => setLink(e.currentTarget.value)} error={form.errors.meetingLink} />
            <NumberInput label="Vendor team size" min={0} value={teamSize} onChange={setTeamSize} error={form.errors.vendorTeamSize} />
            <TagsInput label="Vendor team locations" placeholder="Type a city and press Enter" value={locations} onChange={setLocations} error={form.errors.vendorLocations} />
            <Select label="Our working hours" description="A calendar (Settings of the SLAs)" data={calOptions} searchable clearable value={clientCalendarId} onChange={setClientCal} error={form.errors.clientCalendarId} />
            <Select label="The vendor team's working hours" data={calOptions} searchable clearable value={vendorCalendarId} onChange={setVendorCal} error={form.errors.vendorCalendarId} />
            <NumberInput label="Shared hours required a week" min={0} max={168} decimalScale={1} value={required} onChange={setRequired} error={form.errors.requiredOverlapHours} />
            <Select label="Status reports the contract asks for" data={reportingOptions} value={reporting} onChange={(v) => setReporting(v ?? 'none')} allowDeselect={false} error={form.errors.statusReportRrule} />
            {reporting !== 'none' && <TextInput type="date" label="Reports due from" value={reportFrom} onChange={(e) => setReportFrom(e.currentTarget.value)} error={form.errors.statusReportFrom} />}
          </SimpleGrid>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Escalation ladder
            </Text>
            {levels.map((l, i) => (
              <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
                <TextInput style={{ flex: 1 }} label={`Level ${i + 1}: our side`} value={l.clientPerson} onChange={(e) => setLevel(i, { clientPerson: e.currentTarget.value })} />
                <TextInput style={{ flex: 1 }} label="Vendor" value={l.vendorPerson} onChange={(e) => setLevel(i, { vendorPerson: e.currentTarget.value })} />
                <NumberInput w={140} label="Move up after (h)" min={0} value={l.afterHours} onChange={(v) => setLevel(i, { afterHours: v })} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove level ${i + 1}`} onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            {form.errors.escalation && (
              <Text size="sm" c="red">
                {form.errors.escalation}
              </Text>
            )}
            <Group>
              <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setLevels((ls) => [...ls, { clientPerson: '', vendorPerson: '', afterHours: ls.length ? 24 * ls.length : 0 }])}>
                Add level
              </Button>
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
