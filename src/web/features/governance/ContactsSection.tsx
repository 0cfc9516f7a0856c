import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { QueryError } from '../../components/QueryError.tsx';
import { useGovernance, type GovernanceT } from './api.ts';
import { GovernanceFormModal } from './GovernanceFormModal.tsx';
import { afterHoursWords } from './labels.ts';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function View({ g }: { g: GovernanceT }) {
  const none = <Text span c="dimmed">Not set</Text>;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Field label="Our point of contact">{g.clientContact ? `${g.clientContact.name} (${g.clientContact.email})` : none}</Field>
        <Field label={`${g.vendorName}'s point of contact`}>{g.vendorContact ? `${g.vendorContact.name} (${g.vendorContact.email})` : none}</Field>
        <Field label="Chat channel">{g.chatChannel ?? none}</Field>
        <Field label="Meeting link">{g.meetingLink ? <Anchor href={g.meetingLink} target="_blank" rel="noreferrer">{g.meetingLink}</Anchor> : none}</Field>
        <Field label="Vendor team">{g.vendorTeamSize !== null || g.vendorLocations.length ? `${g.vendorTeamSize ?? '?'} people${g.vendorLocations.length ? ` in ${g.vendorLocations.join(', ')}` : ''}` : none}</Field>
        <Field label="Working hours">{g.clientCalendar && g.vendorCalendar ? `${g.clientCalendar.name} and ${g.vendorCalendar.name}` : none}</Field>
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Escalation ladder
        </Text>
        {g.escalation.length === 0 ? (
          <Text size="sm" c="dimmed">
            No escalation ladder yet: nobody knows whom to call when the first contact does not answer.
          </Text>
        ) : (
          <Table withTableBorder striped aria-label="Escalation ladder">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Level</Table.Th>
                <Table.Th>Our side</Table.Th>
                <Table.Th>Vendor</Table.Th>
                <Table.Th>Move up</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.escalation.map((l) => (
                <Table.Tr key={l.level}>
                  <Table.Td>{l.level}</Table.Td>
                  <Table.Td>{l.clientPerson}</Table.Td>
                  <Table.Td>{l.vendorPerson}</Table.Td>
                  <Table.Td>{l.level === 1 ? 'first contact' : afterHoursWords(l.afterHours)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}

/** Who speaks for each side, whom to call next, where to talk, and the vendor's team. */
export function ContactsSection({ engagementId, canWrite }: { engagementId: string; canWrite: boolean }) {
  const g = useGovernance(engagementId);
  const [open, dialog] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="gov-contacts">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="gov-contacts">
            Contacts and escalation
          </Title>
          {canWrite && g.data && (
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={dialog.open}>
              Edit contacts
            </Button>
          )}
        </Group>
        {g.isPending ? <Skeleton h={160} /> : g.isError ? <QueryError error={g.error} onRetry={() => g.refetch()} what="the contacts" /> : <View g={g.data} />}
      </Stack>
      {open && g.data && <GovernanceFormModal g={g.data} onClose={dialog.close} />}
    </Paper>
  );
}
