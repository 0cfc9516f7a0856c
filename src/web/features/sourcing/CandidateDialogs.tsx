import { Button, Group, Modal, NumberInput, Rating, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type ReactNode } from 'react';
import { INTERVIEW_ASPECT_LABELS, INTERVIEW_ASPECTS } from '../../../shared/contracts/sourcing.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useQuestionnaireOptions } from '../due-diligence/api.ts';
import { useAddInterview, useAddReference, useRecordProposal, useSaveScores, useSendRfi, type CandidateT, type ProjectT } from './api.ts';
import { CURRENCIES, readAmount } from './words.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function Dialog({ title, label, onClose, onSubmit, pending, general, submit, children }: { title: string; label: string; onClose: () => void; onSubmit: (e: FormEvent) => void; pending: boolean; general: ReturnType<typeof useFormErrors>['general']; submit: string; children: ReactNode }) {
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={label}>
        <Stack gap="md">
          <FormErrorAlert error={general} title="Not saved" />
          {children}
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const done = (title: string, onClose: () => void, form: ReturnType<typeof useFormErrors>) => ({
  onSuccess: () => {
    notifications.show({ color: 'teal', title, message: '' });
    onClose();
  },
  onError: form.fromError,
});

/** A proposal as received (sealed until someone opens it). */
export function ProposalModal({ candidate, currency, onClose }: { candidate: CandidateT; currency: string; onClose: () => void }) {
  const [v, setV] = useState({ price: '', currency, team: '', approach: '', receivedOn: today() });
  const form = useFormErrors(['priceMinor', 'currency', 'team', 'approach', 'receivedOn']);
  const [priceError, setPriceError] = useState<string | null>(null);
  const save = useRecordProposal();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const price = readAmount(v.price, v.currency);
    setPriceError(price.error ?? (price.value === null ? 'Required' : null));
    if (price.error || price.value === null) return;
    save.mutate({ id: candidate.id, priceMinor: price.value, currency: v.currency, team: v.team.trim() || null, approach: v.approach.trim() || null, receivedOn: v.receivedOn }, done('Proposal recorded', onClose, form));
  };
  return (
    <Dialog title={`Proposal of ${candidate.vendorName}`} label="Proposal" onClose={onClose} onSubmit={submit} pending={save.isPending} general={form.general} submit="Record proposal">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Price" required placeholder="150,000.00" value={v.price} onChange={(e) => setV({ ...v, price: e.currentTarget.value })} error={priceError ?? form.errors.priceMinor} />
        <Select label="Currency" data={CURRENCIES} allowDeselect={false} searchable value={v.currency} onChange={(c) => c && setV({ ...v, currency: c })} />
        <TextInput label="Received on" type="date" required value={v.receivedOn} onChange={(e) => setV({ ...v, receivedOn: e.currentTarget.value })} error={form.errors.receivedOn} />
      </SimpleGrid>
      <Textarea label="Team" autosize minRows={2} value={v.team} onChange={(e) => setV({ ...v, team: e.currentTarget.value })} />
      <Textarea label="Approach" autosize minRows={3} value={v.approach} onChange={(e) => setV({ ...v, approach: e.currentTarget.value })} />
      <Text size="xs" c="dimmed">
        The proposal stays sealed — out of the comparison — until it is opened. Opening the first proposal locks the weights.
      </Text>
    </Dialog>
  );
}

/** A request for information, sent as a questionnaire through the vendor portal. */
export function RfiModal({ candidate, onClose }: { candidate: CandidateT; onClose: () => void }) {
  const questionnaires = useQuestionnaireOptions();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  const [contactEmail, setContactEmail] = useState('');
  const form = useFormErrors(['templateId', 'dueDate', 'contactEmail']);
  const send = useSendRfi();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ id: candidate.id, templateId, dueDate, contactEmail: contactEmail.trim() || undefined }, done('Request for information sent', onClose, form));
  };
  return (
    <Dialog title={`Request for information to ${candidate.vendorName}`} label="Request for information" onClose={onClose} onSubmit={submit} pending={send.isPending} general={form.general} submit="Send">
      <Select label="Questionnaire" required data={(questionnaires.data ?? []).map((q) => ({ value: q.id, label: q.name }))} searchable value={templateId} onChange={setTemplateId} error={form.errors.templateId} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Answer by" type="date" required value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} error={form.errors.dueDate} />
        <TextInput label="Their contact's e-mail" description="Empty: the vendor's contact e-mail" value={contactEmail} onChange={(e) => setContactEmail(e.currentTarget.value)} error={form.errors.contactEmail} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        The contact answers in the vendor portal and sees only this request — nothing of the project, the other candidates or the scores.
      </Text>
    </Dialog>
  );
}

/** A reference check: who was called at which client, the questions and answers, a rating. */
export function ReferenceModal({ candidate, onClose }: { candidate: CandidateT; onClose: () => void }) {
  const [v, setV] = useState({ client: '', contactName: '', calledOn: today(), rating: 0, q1: 'Would you hire them again?', a1: '', q2: 'How do they handle problems?', a2: '' });
  const form = useFormErrors(['client', 'contactName', 'calledOn', 'rating', 'questions']);
  const add = useAddReference();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const questions = [
      { question: v.q1, answer: v.a1 },
      { question: v.q2, answer: v.a2 },
    ].filter((x) => x.question.trim() && x.answer.trim());
    add.mutate({ id: candidate.id, client: v.client, contactName: v.contactName, calledOn: v.calledOn, rating: v.rating, questions }, done('Reference check recorded', onClose, form));
  };
  return (
    <Dialog title={`Reference check for ${candidate.vendorName}`} label="Reference check" onClose={onClose} onSubmit={submit} pending={add.isPending} general={form.general} submit="Record reference">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Client" required value={v.client} onChange={(e) => setV({ ...v, client: e.currentTarget.value })} error={form.errors.client} />
        <TextInput label="Who was called" required value={v.contactName} onChange={(e) => setV({ ...v, contactName: e.currentTarget.value })} error={form.errors.contactName} />
        <TextInput label="Called on" type="date" required value={v.calledOn} onChange={(e) => setV({ ...v, calledOn: e.currentTarget.value })} error={form.errors.calledOn} />
      </SimpleGrid>
      <TextInput label="Question" value={v.q1} onChange={(e) => setV({ ...v, q1: e.currentTarget.value })} />
      <Textarea label="Answer" autosize value={v.a1} onChange={(e) => setV({ ...v, a1: e.currentTarget.value })} />
      <TextInput label="Question" value={v.q2} onChange={(e) => setV({ ...v, q2: e.currentTarget.value })} />
      <Textarea label="Answer" autosize value={v.a2} onChange={(e) => setV({ ...v, a2: e.currentTarget.value })} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="ref-rating">
          Rating
        </Text>
        <Rating aria-labelledby="ref-rating" value={v.rating} onChange={(rating) => setV({ ...v, rating })} />
        {form.errors.rating && (
          <Text size="xs" c="red">
            {form.errors.rating}
          </Text>
        )}
      </Stack>
    </Dialog>
  );
}

/** An interview scorecard: four aspects (article 001 #3), each rated 1–5. */
export function InterviewModal({ candidate, onClose }: { candidate: CandidateT; onClose: () => void }) {
  const [heldOn, setHeldOn] = useState(today());
  const [ratings, setRatings] = useState<Record<string, number>>({ communication: 0, clientFeedback: 0, hoursFit: 0, costEffective: 0 });
  const [notes, setNotes] = useState('');
  const form = useFormErrors(['heldOn', ...INTERVIEW_ASPECTS, 'notes']);
  const add = useAddInterview();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ id: candidate.id, heldOn, ...ratings, notes: notes.trim() || null }, done('Interview recorded', onClose, form));
  };
  return (
    <Dialog title={`Interview with ${candidate.vendorName}`} label="Interview scorecard" onClose={onClose} onSubmit={submit} pending={add.isPending} general={form.general} submit="Record interview">
      <TextInput label="Held on" type="date" required value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} error={form.errors.heldOn} />
      {INTERVIEW_ASPECTS.map((a) => (
        <Group key={a} justify="space-between">
          <Text size="sm" id={`iv-${a}`}>
            {INTERVIEW_ASPECT_LABELS[a]}
          </Text>
          <Stack gap={0} align="flex-end">
            <Rating aria-labelledby={`iv-${a}`} value={ratings[a]} onChange={(r) => setRatings({ ...ratings, [a]: r })} />
            {form.errors[a] && (
              <Text size="xs" c="red">
                {form.errors[a]}
              </Text>
            )}
          </Stack>
        </Group>
      ))}
      <Textarea label="Notes" autosize value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
    </Dialog>
  );
}

/** The signed-in evaluator's own scores of one candidate (0–5 per criterion); nobody else's are shown or changed. */
export function ScoreModal({ candidate, project, onClose }: { candidate: CandidateT; project: ProjectT; onClose: () => void }) {
  const mine = new Map(candidate.myScores.map((s) => [s.criterionId, s.score]));
  const [scores, setScores] = useState<Record<string, number | string>>(Object.fromEntries(project.criteria.map((c) => [c.id, mine.get(c.id) ?? ''])));
  const form = useFormErrors(['scores']);
  const save = useSaveScores();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = Object.entries(scores)
      .filter(([, s]) => s !== '')
      .map(([criterionId, score]) => ({ criterionId, score: Number(score) }));
    save.mutate({ id: candidate.id, scores: list }, done('Your scores are saved', onClose, form));
  };
  return (
    <Dialog title={`Your scores for ${candidate.vendorName}`} label="Your scores" onClose={onClose} onSubmit={submit} pending={save.isPending} general={form.general} submit="Save my scores">
      <Text size="sm" c="dimmed">
        0 is poor, 5 excellent. Criteria computed from data (price, due diligence, hours, references, interviews) use the data when there is some; your score counts where there is none.
      </Text>
      {project.criteria.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text size="sm">{c.name}</Text>
            <Text size="xs" c="dimmed">
              {c.sourceLabel}
            </Text>
          </Stack>
          <NumberInput aria-label={`Score for ${c.name}`} w={90} min={0} max={5} step={1} allowDecimal={false} value={scores[c.id]} onChange={(v) => setScores({ ...scores, [c.id]: v })} />
        </Group>
      ))}
      {form.errors.scores && (
        <Text size="sm" c="red">
          {form.errors.scores}
        </Text>
      )}
    </Dialog>
  );
}
