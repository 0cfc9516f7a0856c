import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDate } from '../../lib/format.ts';
import { VENDOR_STATUS_LABELS } from '../../lib/labels.ts';
import { useSession } from '../auth/api.ts';
import { ASSESSMENT_STATUS_LABELS } from '../due-diligence/labels.ts';
import { useAddCandidate, useOpenProposal, useProspectOptions, type CandidateT, type ProjectT } from './api.ts';
import { InterviewModal, ProposalModal, ReferenceModal, RfiModal, ScoreModal } from './CandidateDialogs.tsx';
import { ProposalFiles } from './ProposalFiles.tsx';
import { money } from './words.tsx';

type DialogKind = 'proposal' | 'rfi' | 'reference' | 'interview' | 'score';

/** The candidates: prospects attached, their proposals (sealed until opened), RFIs, references, interviews and the evaluator's own scores. */
export function CandidatesTab({ project }: { project: ProjectT }) {
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'sourcing.write');
  const canScore = roleCan(me.user.role, 'sourcing.score');
  const comparing = project.status === 'checked' || project.status === 'evaluating';
  const canAttach = canWrite && comparing && project.check?.decision === 'outsource';
  const [open, setOpen] = useState<{ kind: DialogKind; candidate: CandidateT } | null>(null);
  const close = () => setOpen(null);
  return (
    <Stack gap="md">
      {canAttach && <AddCandidate project={project} />}
      {!project.candidates.length && (
        <Text c="dimmed">{project.check?.decision === 'outsource' ? 'No candidates yet. Attach vendors in prospect status.' : 'Candidates are named once the should-we-outsource check says to outsource.'}</Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {project.candidates.map((c) => (
          <CandidateCard key={c.id} c={c} project={project} canWrite={canWrite && comparing} canScore={canScore} onOpen={(kind) => setOpen({ kind, candidate: c })} />
        ))}
      </SimpleGrid>
      {open?.kind === 'proposal' && <ProposalModal candidate={open.candidate} currency={project.currency} onClose={close} />}
      {open?.kind === 'rfi' && <RfiModal candidate={open.candidate} onClose={close} />}
      {open?.kind === 'reference' && <ReferenceModal candidate={open.candidate} onClose={close} />}
      {open?.kind === 'interview' && <InterviewModal candidate={open.candidate} onClose={close} />}
      {open?.kind === 'score' && <ScoreModal candidate={open.candidate} project={project} onClose={close} />}
    </Stack>
  );
}

function AddCandidate({ project }: { project: ProjectT }) {
  const prospects = useProspectOptions();
  const [vendorId, setVendorId] = useState<string | null>(null);
  const add = useAddCandidate(project.id);
  const taken = new Set(project.candidates.map((c) => c.vendorId));
  return (
    <Group align="flex-end">
      <Select
        label="Attach a prospect"
        placeholder={prospects.data?.length ? 'Choose a vendor in prospect status' : 'No prospects: add a vendor with status prospect'}
        data={(prospects.data ?? []).filter((o) => !taken.has(o.value))}
        searchable
        value={vendorId}
        onChange={setVendorId}
        style={{ flex: '1 1 280px' }}
      />
      <Button
        disabled={!vendorId}
        loading={add.isPending}
        onClick={() =>
          add.mutate(
            { vendorId },
            {
              onSuccess: () => setVendorId(null),
              onError: (e) => notifications.show({ color: 'red', title: 'Not attached', message: errorMessage(e) }),
            },
          )
        }
      >
        Add candidate
      </Button>
    </Group>
  );
}

function CandidateCard({ c, project, canWrite, canScore, onOpen }: { c: CandidateT; project: ProjectT; canWrite: boolean; canScore: boolean; onOpen: (k: DialogKind) => void }) {
  const openProposal = useOpenProposal();
  const learning = project.status === 'evaluating' || project.status === 'pilot';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={c.vendorName}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          <Anchor component={Link} to={`/vendors/${c.vendorId}`}>
            {c.vendorName}
          </Anchor>
        </Title>
        <Badge variant="light">{VENDOR_STATUS_LABELS[c.vendorStatus] ?? c.vendorStatus}</Badge>
      </Group>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Proposal
        </Text>
        {!c.proposal ? (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              None received yet.
            </Text>
            {canWrite && (
              <Button size="xs" variant="light" onClick={() => onOpen('proposal')}>
                Record proposal
              </Button>
            )}
          </Group>
        ) : !c.proposal.opened ? (
          <Stack gap={4}>
            <Group gap="xs">
              <Text size="sm">
                Sealed, received on {formatDate(c.proposal.receivedOn)}
                {c.proposal.files.length ? ` with ${c.proposal.files.length === 1 ? 'one file' : `${c.proposal.files.length} files`}` : ''}.
              </Text>
              {canWrite && (
                <Button size="xs" variant="light" loading={openProposal.isPending} onClick={() => openProposal.mutate(c.id, { onError: (e) => notifications.show({ color: 'red', title: 'Not opened', message: errorMessage(e) }) })}>
                  Open proposal
                </Button>
              )}
            </Group>
            <ProposalFiles candidate={c} proposal={c.proposal} canAttach={canWrite} />
          </Stack>
        ) : (
          <Stack gap={2}>
            <Text size="sm">
              {c.proposal.priceMinor !== null ? money(c.proposal.priceMinor, c.proposal.currency) : 'No price'} · received {formatDate(c.proposal.receivedOn)}
            </Text>
            {c.proposal.team && <Text size="sm">Team: {c.proposal.team}</Text>}
            {c.proposal.approach && <Text size="sm">Approach: {c.proposal.approach}</Text>}
            <ProposalFiles candidate={c} proposal={c.proposal} canAttach={false} />
          </Stack>
        )}
        <Text size="sm" fw={600}>
          Request for information
        </Text>
        {c.rfi ? (
          <Text size="sm">
            Sent through the portal ({(ASSESSMENT_STATUS_LABELS[c.rfi.status as keyof typeof ASSESSMENT_STATUS_LABELS] ?? 'Sent').toLowerCase()}), answer by {formatDate(c.rfi.dueDate)} ·{' '}
            <Anchor component={Link} to={`/assessments/${c.rfi.assessmentId}`} size="sm">
              open it
            </Anchor>
          </Text>
        ) : canWrite ? (
          <Button size="xs" variant="light" w="fit-content" onClick={() => onOpen('rfi')}>
            Send request for information
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            None sent.
          </Text>
        )}
        <Text size="sm" fw={600}>
          References ({c.references.length})
        </Text>
        {c.references.map((r) => (
          <Text key={r.id} size="sm">
            {r.client} — {r.contactName}, {formatDate(r.calledOn)}: {'★'.repeat(r.rating)}
            {'☆'.repeat(5 - r.rating)} {r.questions[0] ? `“${r.questions[0].answer}”` : ''}
          </Text>
        ))}
        <Text size="sm" fw={600}>
          Interviews ({c.interviews.length})
        </Text>
        {c.interviews.map((i) => (
          <Text key={i.id} size="sm">
            {formatDate(i.heldOn)} with {i.interviewer ?? 'someone'}: communication {i.communication}, client feedback {i.clientFeedback}, hours {i.hoursFit}, value {i.costEffective}
            {i.notes ? ` — ${i.notes}` : ''}
          </Text>
        ))}
        <Group gap="xs" mt="xs">
          {canScore && project.status === 'evaluating' && (
            <Button size="xs" onClick={() => onOpen('score')}>
              {c.myScores.length ? 'Change my scores' : 'Score'}
            </Button>
          )}
          {canScore && learning && (
            <Button size="xs" variant="default" onClick={() => onOpen('reference')}>
              Add reference check
            </Button>
          )}
          {canScore && learning && (
            <Button size="xs" variant="default" onClick={() => onOpen('interview')}>
              Add interview
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
