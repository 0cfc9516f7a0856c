import { Anchor, Badge, Button, FileInput, Group, Paper, Skeleton, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { REPORT_STATE_LABELS } from '../../../shared/contracts/governance.ts';
import { API_BASE } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { usePortalReports, useStatusReports, useSubmitReport, type ReportsT } from './api.ts';

const STATE_COLOR = { on_time: 'teal', late: 'orange', missing: 'red', upcoming: 'blue' } as const;
type Slot = ReportsT['slots'][number];

function SlotTable({ r, fileUrl, action }: { r: ReportsT; fileUrl: (id: string) => string; action?: (slot: Slot) => React.ReactNode }) {
  return (
    <Table withTableBorder aria-label={`Status reports of ${r.engagementName}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Due</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Report</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {r.slots.map((s) => (
          <Table.Tr key={s.dueOn}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(s.dueOn)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge color={STATE_COLOR[s.state]} variant="light" style={{ minWidth: 'max-content' }}>{REPORT_STATE_LABELS[s.state]}</Badge>
            </Table.Td>
            <Table.Td>
              {s.report ? (
                <Stack gap={2}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{s.report.text}</Text>
                  <Text size="xs" c="dimmed">
                    Handed in {formatDateTime(s.report.submittedAt)}{s.report.submittedByName ? ` by ${s.report.submittedByName}` : ''}
                    {s.report.fileName && (
                      <>
                        {' · '}
                        <Anchor href={fileUrl(s.report.id)} size="xs">{s.report.fileName}</Anchor>
                      </>
                    )}
                  </Text>
                </Stack>
              ) : (
                action?.(s) ?? <Text size="sm" c="dimmed">—</Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const summary = (r: ReportsT) => `${r.scheduleWords ? r.scheduleWords[0].toUpperCase() + r.scheduleWords.slice(1) : ''}: ${r.onTime} on time, ${r.late} late, ${r.missing} missing.`;

/** The engagement's status reports: the reporting the contract asks for, and what came in when. */
export function StatusReportsSection({ engagementId }: { engagementId: string }) {
  const q = useStatusReports(engagementId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="gov-reports">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="gov-reports">Status reports</Title>
          {q.data?.scheduleWords && <Text size="sm" c="dimmed">{summary(q.data)}</Text>}
        </div>
        {q.isPending ? (
          <Skeleton h={120} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} what="the status reports" />
        ) : !q.data.scheduleWords ? (
          <Text size="sm" c="dimmed">No status reports asked for. Set the reporting the contract asks for under Edit contacts.</Text>
        ) : (
          <SlotTable r={q.data} fileUrl={(id) => `${API_BASE}/status-reports/${id}/file`} />
        )}
      </Stack>
    </Paper>
  );
}

function HandIn({ engagementId, slot, onDone }: { engagementId: string; slot: Slot; onDone: () => void }) {
  const submit = useSubmitReport();
  const form = useFormErrors(['text', 'dueOn', 'engagementId']);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  return (
    <Stack gap="xs">
      <FormErrorAlert error={form.general} title="The report was not handed in" />
      <Textarea label={`Report due ${formatDate(slot.dueOn)}`} autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} error={form.errors.text} />
      <FileInput label="File (optional)" placeholder="PDF, image or Office document" value={file} onChange={setFile} clearable />
      <Group>
        <Button
          loading={submit.isPending}
          onClick={() =>
            submit.mutate(
              { engagementId, dueOn: slot.dueOn, text, file },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', title: 'Report handed in', message: `Due ${formatDate(slot.dueOn)}` });
                  onDone();
                },
                onError: form.fromError,
              },
            )
          }
        >
          Hand in report
        </Button>
      </Group>
    </Stack>
  );
}

/** The portal's status reports: what the client asks for, what was handed in, and a form for the ones still owed. */
export function PortalReportsSection() {
  const q = usePortalReports();
  const [open, setOpen] = useState<string | null>(null);
  if (q.isPending || q.isError || q.data.items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-reports">
      <Title order={2} size="h4" id="portal-reports">Status reports</Title>
      {q.data.items.map((r) => (
        <Paper key={r.engagementId} withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text fw={600}>{r.engagementName}</Text>
            <Text size="sm" c="dimmed">{summary(r)}</Text>
            <SlotTable
              r={r}
              fileUrl={(id) => `${API_BASE}/portal/status-reports/${id}/file`}
              action={(s) =>
                open === `${r.engagementId}:${s.dueOn}` ? (
                  <HandIn engagementId={r.engagementId} slot={s} onDone={() => setOpen(null)} />
                ) : (
                  <Button size="xs" variant={s.state === 'missing' ? 'filled' : 'light'} onClick={() => setOpen(`${r.engagementId}:${s.dueOn}`)}>
                    Hand in
                  </Button>
                )
              }
            />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
