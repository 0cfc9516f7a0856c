import { ActionIcon, Alert, Button, Center, Grid, Loader, Menu, Modal, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChecks, IconCircleCheck, IconDots, IconMail, IconX } from '@tabler/icons-react';
import { SecretReveal } from '../../components/SecretReveal.tsx';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { Question } from '../../../domain/questionnaire/template.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useAcceptUnflagged, useAddComment, useAssessment, useCancelAssessment, useCompleteAssessment, useResendLink, useAllVendorEvidence } from './api.ts';
import { ClarifyModal } from './ClarifyModal.tsx';
import { CommentThread } from './CommentThread.tsx';
import { AssessmentStatusBadge } from './DdBadges.tsx';
import { FindingList } from './FindingList.tsx';
import { RaiseFindingModal } from './RaiseFindingModal.tsx';
import { ReviewQuestion } from './ReviewQuestion.tsx';
import { matchesFilter, noComments, reviewModel, type ReviewFilter } from './reviewModel.ts';
import { ScorePanel } from './ScorePanel.tsx';
import type { AssessmentDetailT } from './types.ts';

function StatusAlert({ a, counts }: { a: AssessmentDetailT; counts: ReturnType<typeof reviewModel>['counts'] }) {
  if (a.status === 'sent' || a.status === 'in_progress') {
    return (
      <Alert color="blue" variant="light" title={a.status === 'sent' ? 'Waiting for the vendor' : 'The vendor is answering'}>
        {a.contactEmail ?? 'The vendor contact'} answers in the portal; answers appear here as they are saved. Due {formatDate(a.dueDate)}
        {a.overdue ? ' — overdue.' : '.'}
      </Alert>
    );
  }
  if (a.status === 'submitted') {
    return (
      <Alert color="violet" variant="light" title={`Submitted ${formatDateTime(a.submittedAt)}`}>
        {counts.pending} of {counts.answered} answers not reviewed yet · {counts.accepted} accepted · {counts.clarification} waiting for clarification · {counts.finding} with a finding. Complete the review to freeze the score.
      </Alert>
    );
  }
  if (a.status === 'completed') {
    return (
      <Alert color="teal" variant="light" title={`Review completed ${formatDateTime(a.completedAt)}`}>
        The score is frozen. The next review date follows from the vendor’s inherent risk.
      </Alert>
    );
  }
  return (
    <Alert color="gray" variant="light" title="Cancelled">
      This questionnaire was withdrawn; the vendor can no longer open it.
    </Alert>
  );
}

/** The review screen: answers by section, per-answer verdicts and threads, findings and the score. */
export function AssessmentReviewPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const assessment = useAssessment(id);
  const a = assessment.data;
  const vendorEvidence = useAllVendorEvidence(a?.vendorId ?? '', !!a);
  const complete = useCompleteAssessment(id);
  const acceptAll = useAcceptUnflagged(id);
  const cancel = useCancelAssessment(id);
  const resend = useResendLink(id);
  const general = useAddComment(id);
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [clarifying, setClarifying] = useState<Question | null>(null);
  const [finding, setFinding] = useState<{ q: Question | null } | null>(null);
  const [completeOpen, completeDialog] = useDisclosure(false);
  const [cancelOpen, cancelDialog] = useDisclosure(false);
  // Without a mail server the new link comes back here, for the reviewer to hand over.
  const [linkToCopy, setLinkToCopy] = useState<{ url: string; to: string } | null>(null);
  const canWrite = roleCan(me.user.role, 'assessment.write');
  usePageTitle(a ? `${a.templateName} · ${a.vendorName}` : 'Assessment');

  const model = useMemo(() => (a ? reviewModel(a, vendorEvidence.data) : null), [a, vendorEvidence.data]);
  const onClarify = useCallback((q: Question) => setClarifying(q), []);
  const onRaise = useCallback((q: Question) => setFinding({ q }), []);

  if (assessment.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading assessment" />
      </Center>
    );
  }
  if (assessment.isError) {
    if (assessment.error instanceof ApiError && assessment.error.status === 404) return <NotFound what="assessment" backTo="/due-diligence" backLabel="Back to due diligence" />;
    return <QueryError error={assessment.error} onRetry={() => assessment.refetch()} what="the assessment" />;
  }
  if (!a || !model) return null;

  const canReview = canWrite && a.status === 'submitted';
  const canComment = canWrite && a.status !== 'cancelled';
  const open = a.status === 'sent' || a.status === 'in_progress' || a.status === 'submitted';
  const fail = (title: string) => (e: unknown) => notifications.show({ color: 'red', title, message: errorMessage(e) });

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Due diligence', to: '/due-diligence' }, { label: a.vendorName, to: `/vendors/${a.vendorId}/assessments` }, { label: a.templateName }]}
        title={a.templateName}
        badges={<AssessmentStatusBadge status={a.status} overdue={a.overdue} />}
        description={`${a.vendorName} · version ${a.templateVersion} · sent ${formatDate(a.sentAt)} · due ${formatDate(a.dueDate)}${a.contactEmail ? ` · ${a.contactEmail}` : ''}`}
        actions={
          canWrite && (
            <>
              {a.status !== 'cancelled' && (
                <Button variant="light" color="red" leftSection={<IconAlertTriangle size={16} />} onClick={() => setFinding({ q: null })}>
                  Raise finding
                </Button>
              )}
              {canReview && model.unflagged > 0 && (
                <Button
                  variant="light"
                  color="teal"
                  leftSection={<IconChecks size={16} />}
                  loading={acceptAll.isPending}
                  onClick={() =>
                    acceptAll.mutate(undefined, {
                      onSuccess: (r) => notifications.show({ color: 'teal', title: 'Answers accepted', message: `${r.accepted} answer${r.accepted === 1 ? '' : 's'} accepted. Findings and clarifications are unchanged.` }),
                      onError: fail('Could not accept the answers'),
                    })
                  }
                >
                  Accept {model.unflagged} unflagged answer{model.unflagged === 1 ? '' : 's'}
                </Button>
              )}
              {a.status === 'submitted' && (
                <Button color="teal" leftSection={<IconCircleCheck size={16} />} onClick={completeDialog.open}>
                  Complete review
                </Button>
              )}
              {open && (
                <Button
                  variant="default"
                  leftSection={<IconMail size={16} />}
                  loading={resend.isPending}
                  onClick={() =>
                    resend.mutate(undefined, {
                      onSuccess: (r) =>
                        r.url ? setLinkToCopy({ url: r.url, to: r.sentTo }) : notifications.show({ color: 'teal', title: 'Link sent', message: `A new portal link went to ${r.sentTo}.` }),
                      onError: fail('Could not send the link'),
                    })
                  }
                >
                  Send a new link
                </Button>
              )}
              {open && (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <ActionIcon variant="default" size="lg" aria-label="More actions">
                      <IconDots size={18} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item color="red" leftSection={<IconX size={14} />} onClick={cancelDialog.open}>
                      Cancel the questionnaire
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
            </>
          )
        }
      />
      <Stack gap="lg">
        <StatusAlert a={a} counts={model.counts} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="lg">
              <SegmentedControl
                aria-label="Show answers"
                value={filter}
                onChange={(v) => setFilter(v as ReviewFilter)}
                data={[
                  { value: 'all', label: 'All' },
                  { value: 'pending', label: `Not reviewed (${model.counts.pending})` },
                  { value: 'clarification', label: `Clarification (${model.counts.clarification})` },
                  { value: 'finding', label: `Findings (${model.counts.finding})` },
                ]}
                style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
              />
              {a.definition.sections.map((s, si) => {
                const qs = s.questions.filter((q) => matchesFilter(filter, model.answers.get(q.id), model.visible.has(q.id)));
                if (qs.length === 0) return null;
                return (
                  <Stack gap="sm" key={s.id} component="section" aria-labelledby={`s-${s.id}`}>
                    <Title order={2} size="h4" id={`s-${s.id}`}>
                      {si + 1}. {s.title}
                    </Title>
                    {s.description && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {s.description}
                      </Text>
                    )}
                    {qs.map((q) => (
                      <ReviewQuestion
                        key={q.id}
                        assessmentId={a.id}
                        question={q}
                        number={`${si + 1}.${s.questions.indexOf(q) + 1}`}
                        answer={model.answers.get(q.id)}
                        visible={model.visible.has(q.id)}
                        comments={model.commentsByQuestion.get(q.id) ?? noComments}
                        evidence={model.evidence}
                        canReview={canReview}
                        canComment={canComment}
                        onClarify={onClarify}
                        onRaiseFinding={onRaise}
                      />
                    ))}
                  </Stack>
                );
              })}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg" style={{ position: 'sticky', top: 72 }}>
              <ScorePanel score={a.score} frozen={a.status === 'completed'} />
              <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="review-findings">
                <Stack gap="sm">
                  <Title order={2} size="h4" id="review-findings">
                    Findings ({a.findings.length})
                  </Title>
                  {a.findings.length === 0 ? <Text size="sm" c="dimmed">No findings raised on this assessment.</Text> : <FindingList items={a.findings} canWrite={canWrite} label="Findings of this assessment" />}
                </Stack>
              </Paper>
              <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="general-comments">
                <Stack gap="sm">
                  <Title order={2} size="h4" id="general-comments">
                    General comments
                  </Title>
                  {model.general.length === 0 && !canComment && <Text size="sm" c="dimmed">No comments.</Text>}
                  <CommentThread comments={model.general} viewer="staff" label="General comments" onSend={canComment ? (body, visibility) => general.mutateAsync({ questionId: null, body, visibility }) : undefined} />
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <ClarifyModal assessmentId={a.id} question={clarifying} onClose={() => setClarifying(null)} />
      <RaiseFindingModal opened={!!finding} assessmentId={a.id} question={finding?.q ?? null} value={finding?.q ? model.answers.get(finding.q.id)?.value : undefined} onClose={() => setFinding(null)} />
      <ConfirmDialog
        opened={completeOpen}
        title="Complete the review?"
        confirmLabel={model.unreviewed > 0 ? `Complete with ${model.unreviewed} unreviewed` : 'Complete review'}
        color="teal"
        loading={complete.isPending}
        onClose={completeDialog.close}
        onConfirm={() =>
          complete.mutate({ confirmUnreviewed: model.unreviewed > 0 }, {
            onSuccess: (d) => {
              completeDialog.close();
              notifications.show({ color: 'teal', title: 'Review completed', message: `Score ${d.score.overall ?? '—'} / 100` });
            },
            onError: fail('Could not complete the review'),
          })
        }
      >
        {model.unreviewed > 0 && (
          <Alert color="orange" variant="light" mb="sm" title={`${model.unreviewed} of ${model.counts.answered} answers are not reviewed yet`}>
            Completing now freezes the score with them counted as answered. Accept the unflagged answers or review them first if you have not looked at them.
          </Alert>
        )}
        The score of {a.score.overall ?? '—'} / 100 is frozen and the vendor’s next review date follows from it.
        {model.counts.clarification > 0 && ` ${model.counts.clarification} answer${model.counts.clarification === 1 ? '' : 's'} still wait for clarification.`}
      </ConfirmDialog>
      <Modal opened={!!linkToCopy} onClose={() => setLinkToCopy(null)} title="Hand the vendor this link" centered size="lg">
        {linkToCopy && (
          <SecretReveal
            label="Portal link"
            value={linkToCopy.url}
            note={`No mail server is configured, so nothing was e-mailed to ${linkToCopy.to}. Send them this link yourself: it works once and expires in 14 days.`}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={cancelOpen}
        title="Cancel this questionnaire?"
        confirmLabel="Cancel questionnaire"
        loading={cancel.isPending}
        onClose={cancelDialog.close}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: cancelDialog.close, onError: fail('Could not cancel') })}
      >
        The vendor can no longer open or answer it. Answers given so far stay here.
      </ConfirmDialog>
    </>
  );
}
