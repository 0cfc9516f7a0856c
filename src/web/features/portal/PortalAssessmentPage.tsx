import { Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowLeft, IconCheck, IconHistory } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { checkAnswers, isAnswered, visibleNumbers, visibleQuestionIds, type AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { FormQuestion as Question } from '../../../domain/questionnaire/form.ts';
import { answerWindows } from '../../../domain/questionnaire/reopen.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { MeT } from '../../api/types.ts';
import { NotFound } from '../../components/NotFound.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { CommentThread } from '../due-diligence/CommentThread.tsx';
import type { EvidenceT } from '../due-diligence/types.ts';
import { saveAnswer, useConfirmCarriedOver, usePortalAssessment, usePortalComment, usePortalEvidence, usePortalHome, useSubmitAssessment, type PortalAssessmentT, type PortalCommentT, type SavedAnswerT } from './api.ts';
import { PortalFrame } from './PortalFrame.tsx';
import { VENDOR_STATUS } from './portalLabels.ts';
import { PortalQuestion, type QuestionMode } from './PortalQuestion.tsx';
import { PortalSubmitPanel, goToQuestion } from './PortalSubmitPanel.tsx';
import { useAutosave } from './useAutosave.ts';

const NO_COMMENTS: PortalCommentT[] = [];

function Questionnaire({ a, orgName }: { a: PortalAssessmentT; orgName: string }) {
  const [values, setValues] = useState<Record<string, AnswerValue>>(() => Object.fromEntries(a.answers.map((x) => [x.questionId, x.value])));
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [clarifyDirty, setClarifyDirty] = useState<Set<string>>(() => new Set());
  const [clarifySent, setClarifySent] = useState<Set<string>>(() => new Set());
  const [confirmedAll, setConfirmedAll] = useState(false);
  const portalEvidence = usePortalEvidence();
  const confirm = useConfirmCarriedOver(a.id);
  const submit = useSubmitAssessment(a.id);
  const comment = usePortalComment(a.id);

  const visible = useMemo(() => new Set(visibleQuestionIds(a.definition, values)), [a.definition, values]);
  // Numbered over what is shown, so hidden questions leave no gaps (1.1, 1.2 — never 1.1, 1.3).
  const numbers = useMemo(() => visibleNumbers(a.definition, visible), [a.definition, visible]);
  const questions = useMemo(() => {
    const m = new Map<string, { q: Question; number: string }>();
    for (const s of a.definition.sections) for (const q of s.questions) m.set(q.id, { q, number: numbers.get(q.id)?.number ?? '' });
    return m;
  }, [a.definition, numbers]);
  const fields = useMemo(() => a.definition.sections.flatMap((s) => s.questions.map((q) => q.id)), [a.definition]);
  const form = useFormErrors(fields);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const meta = useMemo(() => new Map(a.answers.map((x) => [x.questionId, x])), [a.answers]);
  const evidence = useMemo(() => {
    const m = new Map<string, EvidenceT>();
    for (const e of portalEvidence.data ?? []) m.set(e.id, e);
    for (const e of a.evidence) m.set(e.id, e);
    return m;
  }, [portalEvidence.data, a.evidence]);
  const comments = useMemo(() => {
    const m = new Map<string, PortalCommentT[]>();
    for (const c of a.comments) if (c.questionId) m.set(c.questionId, [...(m.get(c.questionId) ?? []), c]);
    return m;
  }, [a.comments]);

  const open = a.status === 'sent' || a.status === 'in_progress';
  const openRef = useRef(open);
  openRef.current = open;
  const autosave = useAutosave<SavedAnswerT>({
    save: (id, value) => saveAnswer(a.id, id, value),
    shouldSave: (id) => visibleRef.current.has(id),
    onSaved: (id, _value, result) => {
      if (result.removedHidden.length > 0) {
        setValues((prev) => {
          const next = { ...prev };
          for (const hidden of result.removedHidden) delete next[hidden];
          return next;
        });
      }
      if (!openRef.current) {
        // After submission only clarified answers are saved, once: they are with the reviewer now.
        setClarifyDirty((prev) => {
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
        setClarifySent((prev) => new Set(prev).add(id));
      }
    },
  });

  // The same reopen rule the server enforces: what was sent back for clarification, and questions it reveals.
  const windowOf = useMemo(() => answerWindows(a.status, a.definition, a.answers), [a.status, a.definition, a.answers]);
  const modeOf = (id: string): QuestionMode => {
    const window = windowOf(id);
    if (window === 'open') return 'autosave';
    if (window === 'reopened' && !clarifySent.has(id)) return 'clarify';
    return 'readonly';
  };

  const onAnswer = useCallback(
    (q: Question, value: AnswerValue, delayMs: number) => {
      setValues((prev) => ({ ...prev, [q.id]: value }));
      setTouched((prev) => (prev.has(q.id) ? prev : new Set(prev).add(q.id)));
      form.clearField(q.id);
      if (open) autosave.schedule(q.id, value, delayMs);
      else setClarifyDirty((prev) => (prev.has(q.id) ? prev : new Set(prev).add(q.id)));
    },
    [autosave, form, open],
  );
  const onBlur = useCallback((q: Question) => void autosave.flushOne(q.id), [autosave]);
  const onSendClarified = (q: Question) => autosave.schedule(q.id, values[q.id] ?? null, 0);
  const onComment = useCallback((q: Question | null, body: string) => comment.mutateAsync({ questionId: q?.id ?? null, body }), [comment]);

  const check = checkAnswers(a.definition, values);
  const carried = a.answers.filter((x) => x.carriedOver && !touched.has(x.questionId) && !confirmedAll && visible.has(x.questionId));
  const shown = [...visible];
  const answered = shown.filter((id) => isAnswered(values[id])).length;

  const doSubmit = async () => {
    form.reset();
    await autosave.flush();
    const issues = [
      ...check.missingRequired.map((id) => ({ path: id, message: 'Required' })),
      ...carried.map((x) => ({ path: x.questionId, message: 'From last time: confirm or change it' })),
    ];
    if (issues.length > 0) {
      form.fromError(new ApiError(400, 'validation_failed', `${issues.length} answer${issues.length === 1 ? ' needs' : 's need'} your attention before you can submit.`, { issues }));
      goToQuestion(issues[0].path);
      return;
    }
    submit.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: 'Answers submitted', message: `Thank you. ${orgName} will review them and may ask follow-up questions here.` });
        window.scrollTo({ top: 0, behavior: 'smooth' });
      },
      onError: form.fromError,
    });
  };

  const sendClarified = () =>
    submit.mutate(undefined, {
      onSuccess: () => notifications.show({ color: 'teal', title: `${orgName} has been told`, message: 'Your updated answers are with the reviewer.' }),
      onError: (e) => {
        const which = e instanceof ApiError ? e.issues.map((i) => questions.get(i.path)?.number ?? i.path) : [];
        notifications.show({ color: 'red', title: 'Could not notify the reviewer', message: `${errorMessage(e)}${which.length ? ` Questions: ${which.join(', ')}.` : ''}` });
      },
    });

  const clarifications = a.answers.filter((x) => x.reviewStatus === 'clarification' && !clarifySent.has(x.questionId)).length;
  const saveText = autosave.summary === 'saving' ? 'Saving…' : autosave.summary === 'error' ? 'Some answers were not saved' : autosave.summary === 'saved' ? 'All changes saved' : 'Answers save as you go';

  return (
    <Stack gap="lg">
      {a.definition.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.definition.description}
        </Text>
      )}
      {open ? (
        <Paper withBorder radius="md" p="sm" aria-label="Progress" style={{ position: 'sticky', top: 0, zIndex: 5 }}>
          <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {answered} of {shown.length} answered
              {check.missingRequired.length > 0 ? ` · ${check.missingRequired.length} required left` : ''}
            </Text>
            <Group gap={4} c={autosave.summary === 'error' ? 'red' : 'dimmed'} role="status">
              {autosave.summary === 'error' ? <IconAlertCircle size={14} /> : autosave.summary === 'saved' ? <IconCheck size={14} /> : null}
              <Text size="xs" c={autosave.summary === 'error' ? 'red' : 'dimmed'}>
                {saveText}
              </Text>
            </Group>
          </Group>
          <Progress value={shown.length ? (100 * answered) / shown.length : 0} aria-label={`${answered} of ${shown.length} questions answered`} />
        </Paper>
      ) : a.status === 'submitted' ? (
        <Alert color={clarifications > 0 ? 'yellow' : 'teal'} variant="light" title={clarifications > 0 ? `${orgName} asks you to clarify ${clarifications} answer${clarifications === 1 ? '' : 's'}` : 'Submitted — thank you'}>
          {clarifications > 0 ? 'The questions marked “Please clarify” can be changed; reply in their comments too. Everything else is read-only.' : `${orgName} is reviewing your answers. If they need anything, you will get an e-mail and see it here.`}
          {clarifySent.size > 0 && (
            <Group mt="sm">
              <Button size="xs" onClick={sendClarified} loading={submit.isPending}>
                Tell {orgName} I’ve answered
              </Button>
            </Group>
          )}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" title="Reviewed">
          {orgName} has completed its review of these answers.
        </Alert>
      )}
      {open && carried.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconHistory size={18} />} title={`${carried.length} answer${carried.length === 1 ? ' is' : 's are'} from last time`}>
          <Text size="sm">Check each one marked “From last time” and change what is no longer true, or confirm them all at once.</Text>
          <Button mt="sm" size="xs" variant="filled" loading={confirm.isPending} onClick={() => confirm.mutate(undefined, { onSuccess: () => setConfirmedAll(true), onError: (e) => notifications.show({ color: 'red', title: 'Could not confirm', message: errorMessage(e) }) })}>
            Confirm all
          </Button>
        </Alert>
      )}
      {a.definition.sections.map((s) => {
        const qs = s.questions.filter((q) => visible.has(q.id));
        if (qs.length === 0) return null;
        const si = numbers.get(qs[0].id)!.section - 1;
        return (
          <Stack gap="sm" key={s.id} component="section" aria-labelledby={`s-${s.id}`}>
            <Title order={2} size="h4" id={`s-${s.id}`} mt="sm">
              {si + 1}. {s.title}
            </Title>
            {s.description && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {s.description}
              </Text>
            )}
            {qs.map((q) => (
              <PortalQuestion
                key={q.id}
                assessmentId={a.id}
                question={q}
                number={questions.get(q.id)?.number ?? ''}
                value={values[q.id]}
                mode={modeOf(q.id)}
                carriedOver={open && !!meta.get(q.id)?.carriedOver && !touched.has(q.id) && !confirmedAll}
                clarification={modeOf(q.id) === 'clarify'}
                unsent={clarifyDirty.has(q.id)}
                save={autosave.states[q.id]}
                missing={form.errors[q.id] ?? null}
                comments={comments.get(q.id) ?? NO_COMMENTS}
                evidence={evidence}
                onAnswer={onAnswer}
                onBlur={onBlur}
                onSendClarified={onSendClarified}
                onComment={onComment}
              />
            ))}
          </Stack>
        );
      })}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="general-thread">
        <Stack gap="xs">
          <Title order={2} size="h5" id="general-thread">
            Questions about this questionnaire?
          </Title>
          <CommentThread comments={a.comments.filter((c) => !c.questionId)} viewer="vendor" label="General comments" onSend={(body) => onComment(null, body)} />
        </Stack>
      </Paper>
      {open && <PortalSubmitPanel orgName={orgName} missing={form.errors} questions={questions} error={form.general} requiredLeft={check.missingRequired.length} pending={submit.isPending} onSubmit={() => void doSubmit()} />}
    </Stack>
  );
}

function Page({ me, id }: { me: MeT; id: string }) {
  const assessment = usePortalAssessment(id);
  const home = usePortalHome();
  const a = assessment.data;
  usePageTitle(a ? a.templateName : 'Questionnaire');
  const orgName = home.data?.org.name ?? 'The client';

  let body;
  if (assessment.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label="Loading questionnaire" />
      </Center>
    );
  } else if (assessment.isError) {
    body =
      assessment.error instanceof ApiError && assessment.error.status === 404 ? (
        <NotFound what="questionnaire" backTo="/portal" backLabel="Back to your portal" />
      ) : (
        <QueryError error={assessment.error} onRetry={() => assessment.refetch()} what="the questionnaire" />
      );
  } else if (a) {
    const s = VENDOR_STATUS[a.status];
    body = (
      <Stack gap="lg">
        <Stack gap={6}>
          <Anchor component={Link} to="/portal" size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} /> All requests
            </Group>
          </Anchor>
          <Text size="sm" c="dimmed">
            {orgName} asks {home.data?.vendor.name ?? 'you'}
          </Text>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {a.templateName}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color={s.color}>
              {s.label}
            </Badge>
            <Text size="sm" c={a.overdue ? 'red' : 'dimmed'} fw={a.overdue ? 600 : undefined}>
              Due {formatDate(a.dueDate)}
              {a.overdue ? ' · overdue' : ''}
            </Text>
          </Group>
        </Stack>
        <Questionnaire key={a.id} a={a} orgName={orgName} />
      </Stack>
    );
  }
  return <PortalFrame me={me}>{body}</PortalFrame>;
}

/** `/portal/assessments/:id`: the questionnaire as the vendor contact answers it. */
export function PortalAssessmentPage() {
  const { id = '' } = useParams();
  const me = useSession();
  if (me.user.role !== 'vendor_contact') return <Navigate to={`/assessments/${encodeURIComponent(id)}`} replace />;
  return <Page me={me} id={id} />;
}
