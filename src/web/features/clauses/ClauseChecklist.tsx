import { Alert, Anchor, Badge, Button, Collapse, Group, NumberInput, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CLAUSE_STATUSES, CLAUSE_STATUS_LABELS, ClauseReviewInput, GAP_KIND_LABELS, type ClauseStatus } from '../../../shared/contracts/clauses.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ApiError } from '../../api/client.ts';
import type { MeT } from '../../api/types.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { AuditHistory } from '../audit/AuditHistory.tsx';
import { useContractChecklist, useSaveReview, type ChecklistItemT, type ChecklistT } from './api.ts';

export const STATUS_COLORS: Record<ClauseStatus, string> = { present: 'teal', weak: 'orange', missing: 'red', not_applicable: 'gray' };
const FIELDS = ['status', 'weakReason', 'section', 'page', 'quote', 'note'] as const;

interface Draft {
  status: ClauseStatus | null;
  weakReason: string;
  section: string;
  page: number | string;
  quote: string;
  note: string;
}

function draftOf(item: ChecklistItemT): Draft {
  const r = item.review;
  return { status: r?.status ?? null, weakReason: r?.weakReason ?? '', section: r?.section ?? '', page: r?.page ?? '', quote: r?.quote ?? '', note: r?.note ?? '' };
}

/** One clause: its status buttons, the details (section, page, quote, note), the guidance, and for an amendment what changed. */
function ClauseRow({ contractId, item, canWrite }: { contractId: string; item: ChecklistItemT; canWrite: boolean }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const [open, setOpen] = useState(false);
  const form = useFormErrors(FIELDS);
  const save = useSaveReview(contractId);
  const titleId = `clause-${item.clause.id}`;

  const send = (next: Draft) => {
    const body = {
      status: next.status,
      weakReason: next.status === 'weak' ? blankToNull(next.weakReason) : null,
      section: blankToNull(next.section),
      page: next.page === '' ? null : Number(next.page),
      quote: blankToNull(next.quote),
      note: blankToNull(next.note),
    };
    const messages = { status: 'Choose a status first' };
    if (next.status === 'weak' && !body.weakReason) {
      setOpen(true);
      form.fromError(new ApiError(400, 'validation_failed', 'Say why the clause is weak before saving.', { issues: [{ path: 'weakReason', message: 'Say why it is weak, in your words' }] }));
      return;
    }
    if (form.validate(ClauseReviewInput, body, messages)) save.mutate({ clauseId: item.clause.id, body }, { onError: form.fromError });
  };

  const choose = (status: ClauseStatus) => {
    const next = { ...draft, status };
    setDraft(next);
    form.clearField('status');
    if (status === 'weak' && !next.weakReason.trim()) {
      // Weak needs the reviewer's reason before it is saved.
      setOpen(true);
      return;
    }
    send(next);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(draft);
  };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    form.clearField(k);
  };

  const r = item.review;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 240px' }}>
            <Group gap={6}>
              <Text fw={600} id={titleId}>
                {item.clause.title}
              </Text>
              {item.requiredBecause.length > 0 && (
                <Badge size="sm" variant="light" color="grape">
                  Required
                </Badge>
              )}
              {r && (
                <Badge size="sm" variant="filled" color={STATUS_COLORS[r.status]}>
                  {CLAUSE_STATUS_LABELS[r.status]}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {item.clause.guidance}
            </Text>
          </Stack>
        </Group>
        {item.requiredBecause.length > 0 && (
          <Text size="xs" c="grape.8">
            Required: {item.requiredBecause.join(' · ')}
          </Text>
        )}
        {item.inheritedFrom && (
          <Text size="xs" c="dimmed">
            Carried over from{' '}
            <Anchor component={Link} to={`/contracts/${item.inheritedFrom.id}/clauses`} size="xs">
              {item.inheritedFrom.title}
            </Anchor>
            : review it here if this amendment changes it.
          </Text>
        )}
        {item.changes.length > 0 && (
          <Alert variant="light" color="blue" p="xs" title="Changed by this amendment">
            <Stack gap={2}>
              {item.changes.map((c) => (
                <Text key={c.field} size="xs">
                  {c.label[0].toUpperCase() + c.label.slice(1)}: {c.field === 'status' ? (c.before ? CLAUSE_STATUS_LABELS[c.before as ClauseStatus] : 'not reviewed') : (c.before ?? 'none')} →{' '}
                  {c.field === 'status' ? CLAUSE_STATUS_LABELS[c.after as ClauseStatus] : (c.after ?? 'none')}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {canWrite && (
          <Group gap={6} role="group" aria-label={`Status of ${item.clause.title}`}>
            {CLAUSE_STATUSES.map((s) => (
              <Button
                key={s}
                size="compact-sm"
                variant={draft.status === s ? 'filled' : 'default'}
                color={STATUS_COLORS[s]}
                aria-pressed={draft.status === s}
                loading={save.isPending && draft.status === s}
                onClick={() => choose(s)}
              >
                {CLAUSE_STATUS_LABELS[s]}
              </Button>
            ))}
            <Button size="compact-sm" variant="subtle" onClick={() => setOpen((o) => !o)} rightSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />} aria-expanded={open}>
              Details
            </Button>
          </Group>
        )}
        {r && (
          <Text size="xs" c="dimmed">
            {[r.section && `Section ${r.section}`, r.page && `page ${r.page}`].filter(Boolean).join(', ')}
            {r.section || r.page ? ' · ' : ''}
            {r.status === 'weak' && r.weakReason ? `Weak: ${r.weakReason} · ` : ''}
            Reviewed by {r.reviewedByName ?? 'someone no longer here'} on {formatDate(r.reviewedAt)}
          </Text>
        )}
        {r?.quote && !open && (
          <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap', borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 8 }}>
            {r.quote}
          </Text>
        )}
        <Collapse expanded={open || (!canWrite && !!r?.note)}>
          {canWrite ? (
            <form onSubmit={submit} noValidate aria-label={`Review of ${item.clause.title}`}>
              <Stack gap="xs" pt="xs">
                <FormErrorAlert error={form.general} title="The review was not saved" />
                {draft.status === 'weak' && (
                  <Textarea
                    label="Why is it weak?"
                    description={item.clause.weakWhen ? `Often: ${item.clause.weakWhen}` : undefined}
                    required
                    autosize
                    minRows={2}
                    value={draft.weakReason}
                    onChange={(e) => set('weakReason', e.currentTarget.value)}
                    error={form.errors.weakReason}
                    data-autofocus
                  />
                )}
                <SimpleGrid cols={{ base: 2 }} spacing="xs">
                  <TextInput label="Section" placeholder="e.g. 14.2" value={draft.section} onChange={(e) => set('section', e.currentTarget.value)} error={form.errors.section} />
                  <NumberInput label="Page" min={1} allowDecimal={false} value={draft.page} onChange={(v) => set('page', v)} error={form.errors.page} />
                </SimpleGrid>
                <Textarea label="Quoted wording" autosize minRows={2} maxRows={8} value={draft.quote} onChange={(e) => set('quote', e.currentTarget.value)} error={form.errors.quote} />
                <Textarea label="Note" autosize minRows={1} maxRows={6} value={draft.note} onChange={(e) => set('note', e.currentTarget.value)} error={form.errors.note} />
                {form.errors.status && (
                  <Text size="sm" c="red">
                    {form.errors.status}
                  </Text>
                )}
                <Group justify="flex-end">
                  <Button type="submit" size="sm" loading={save.isPending}>
                    Save review
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Text size="sm">{r?.note}</Text>
          )}
        </Collapse>
      </Stack>
    </Paper>
  );
}

/** Required clauses nobody has reviewed yet, one line per engagement. */
function unreviewedByEngagement(gaps: ChecklistT['gaps']): Array<[string, string[]]> {
  const by = new Map<string, string[]>();
  for (const g of gaps) if (g.kind === 'unreviewed') by.set(g.engagement.name, [...(by.get(g.engagement.name) ?? []), g.clause.title]);
  return [...by];
}

/** The gaps a contract leaves for the engagements it covers. */
export function ContractGapsPanel({ checklist }: { checklist: ChecklistT }) {
  const open = checklist.gaps.filter((g) => !g.coveredBy);
  const filled = checklist.gaps.filter((g) => g.coveredBy);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="contract-gaps-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5" id="contract-gaps-title">
            Gaps this contract leaves
          </Title>
          <Anchor component={Link} to="/contracts/gaps" size="sm">
            All gaps <IconArrowRight size={12} />
          </Anchor>
        </Group>
        {checklist.gaps.length === 0 ? (
          <Text size="sm" c="teal.8" data-testid="no-contract-gaps">
            No gaps: every clause required for the engagements this contract covers is present or not applicable.
          </Text>
        ) : (
          <Stack gap={4} data-testid="contract-gaps">
            {open
              .filter((g) => g.kind !== 'unreviewed')
              .map((g) => (
                <Group key={`${g.engagement.id}:${g.clause.id}`} gap={6} wrap="nowrap" align="flex-start">
                  <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" style={{ flexShrink: 0, marginTop: 2 }} />
                  <Text size="sm">
                    <b>{g.clause.title}</b> for{' '}
                    <Anchor component={Link} to={`/engagements/${g.engagement.id}/contract-gaps`} size="sm">
                      {g.engagement.name}
                    </Anchor>{' '}
                    — {GAP_KIND_LABELS[g.kind].toLowerCase()}. {g.reasons[0]}
                  </Text>
                </Group>
              ))}
            {unreviewedByEngagement(open).map(([engagement, titles]) => (
              <Text key={engagement} size="sm" c="dimmed">
                Required for {engagement}, not reviewed yet: {titles.join(', ')}.
              </Text>
            ))}
            {filled.map((g) => (
              <Text key={`${g.engagement.id}:${g.clause.id}`} size="sm" c="dimmed">
                {g.clause.title} for {g.engagement.name}: not here, but{' '}
                <Anchor component={Link} to={`/contracts/${g.coveredBy!.id}/clauses`} size="sm">
                  {g.coveredBy!.title}
                </Anchor>{' '}
                has it.
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The clause checklist of a contract: progress, the gaps it leaves, then every clause to mark. */
export function ClauseChecklist({ contractId, me }: { contractId: string; me: MeT }) {
  const q = useContractChecklist(contractId);
  const canWrite = roleCan(me.user.role, 'contract.write');
  if (q.isPending) return <Skeleton h={200} radius="md" aria-label="Loading the clause checklist" />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} what="the clause checklist" />;
  const c = q.data;
  const pct = c.progress.total ? Math.round((c.progress.reviewed / c.progress.total) * 100) : 0;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap={6}>
          <Group justify="space-between">
            <Text fw={600} data-testid="clause-progress">
              {c.progress.reviewed} of {c.progress.total} clauses reviewed
            </Text>
            <Text size="sm" c="dimmed">
              {c.progress.requiredReviewed} of {c.progress.required} required ones
            </Text>
          </Group>
          <Progress value={pct} aria-label={`${c.progress.reviewed} of ${c.progress.total} clauses reviewed`} />
          {c.amends && (
            <Text size="sm" c="dimmed">
              This amendment starts from the review of{' '}
              <Anchor component={Link} to={`/contracts/${c.amends.id}/clauses`} size="sm">
                {c.amends.title}
              </Anchor>
              ; mark what it changes and the changes are shown against it.
            </Text>
          )}
        </Stack>
      </Paper>
      <ContractGapsPanel checklist={c} />
      <Stack gap="sm">
        {c.items.map((item) => (
          <ClauseRow key={`${item.clause.id}:${item.review?.reviewedAt ?? ''}:${item.inheritedFrom?.id ?? ''}`} contractId={contractId} item={item} canWrite={canWrite} />
        ))}
      </Stack>
      {roleCan(me.user.role, 'audit.read') && <AuditHistory objectId={contractId} title="History of this contract and its clause review" />}
    </Stack>
  );
}
