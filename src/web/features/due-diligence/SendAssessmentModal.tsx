import { Alert, Anchor, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { AssessmentCreate } from '../../../shared/contracts/due-diligence.ts';
import { roleCan } from '../../../shared/permissions.ts';
import type { MeT, VendorT } from '../../api/types.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useOwnerOptions } from '../users/api.ts';
import { useAddBuiltinTemplate, useAllVendorAssessments, useQuestionnaireOptions, useSendAssessment } from './api.ts';
import { addDaysIso, todayIso } from './labels.ts';

const FIELDS = ['templateId', 'dueDate', 'reviewerId', 'contactEmail', 'reassess'] as const;
const MESSAGES = { templateId: 'Choose a questionnaire', dueDate: 'Choose the date the answers are due' };

interface Props {
  opened: boolean;
  onClose: () => void;
  vendor: VendorT;
  me: MeT;
}

function SendForm({ onClose, vendor, me }: Omit<Props, 'opened'>) {
  const templates = useQuestionnaireOptions();
  const previous = useAllVendorAssessments(vendor.id);
  const owners = useOwnerOptions();
  const send = useSendAssessment();
  const addBuiltin = useAddBuiltinTemplate();
  const form = useFormErrors(FIELDS);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState<string | null>(addDaysIso(14));
  const [reviewerId, setReviewerId] = useState<string | null>(me.user.id);
  const [contactEmail, setContactEmail] = useState(vendor.contactEmail ?? '');
  const [reassessChoice, setReassess] = useState<boolean | null>(null);

  const chosen = templateId ?? (templates.data?.length === 1 ? templates.data[0].id : null);
  const answeredBefore = (previous.data ?? []).some((a) => a.templateId === chosen && (a.status === 'submitted' || a.status === 'completed'));
  const reassess = answeredBefore && (reassessChoice ?? true);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { vendorId: vendor.id, templateId: chosen, dueDate, reviewerId, contactEmail: contactEmail.trim() || undefined, reassess };
    const valid = form.validate(AssessmentCreate, input, MESSAGES);
    if (!valid) return;
    send.mutate(valid, {
      onSuccess: (a) => {
        notifications.show({ color: 'teal', title: 'Questionnaire sent', message: `${a.contactEmail ?? 'The vendor contact'} will receive a portal link by e-mail.` });
        onClose();
      },
      onError: form.fromError,
    });
  };

  if (templates.isSuccess && templates.data.length === 0) {
    const canAdd = roleCan(me.user.role, 'template.write');
    return (
      <Stack>
        <Text size="sm">There is no questionnaire to send yet.</Text>
        {canAdd && (
          <Group>
            <Button loading={addBuiltin.isPending} onClick={() => addBuiltin.mutate(undefined, { onSuccess: (t) => setTemplateId(t.id) })}>
              Add the built-in questionnaire
            </Button>
            <Anchor component={Link} to="/due-diligence/questionnaires" size="sm">
              Manage questionnaires
            </Anchor>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Send questionnaire">
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The questionnaire was not sent" />
        <Select
          label="Questionnaire"
          required
          placeholder={templates.isPending ? 'Loading questionnaires…' : 'Choose a questionnaire'}
          data={(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.name} (v${t.latestVersion}, ${t.questionCount} questions)` }))}
          value={chosen}
          onChange={(v) => {
            setTemplateId(v);
            form.clearField('templateId');
          }}
          error={form.errors.templateId}
          allowDeselect={false}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DatePickerInput
            label="Answers due"
            required
            valueFormat="D MMM YYYY"
            minDate={todayIso()}
            value={dueDate}
            onChange={(v) => {
              setDueDate(v);
              form.clearField('dueDate');
            }}
            error={form.errors.dueDate}
          />
          <Select
            label="Reviewer"
            description="Gets an e-mail when the vendor submits"
            data={owners.data ?? []}
            searchable
            value={reviewerId}
            onChange={setReviewerId}
            error={form.errors.reviewerId}
          />
        </SimpleGrid>
        <TextInput
          label="Vendor contact e-mail"
          description="Receives a single-use link to the portal; no password needed."
          type="email"
          placeholder="name@vendor.example"
          value={contactEmail}
          onChange={(e) => {
            setContactEmail(e.currentTarget.value);
            form.clearField('contactEmail');
          }}
          error={form.errors.contactEmail}
        />
        <Checkbox
          label="Start from the previous answers"
          description={
            answeredBefore
              ? 'A re-assessment: the vendor sees last time’s answers and confirms or changes each one.'
              : 'Available when the vendor has answered this questionnaire before.'
          }
          disabled={!answeredBefore}
          checked={reassess}
          onChange={(e) => setReassess(e.currentTarget.checked)}
        />
        {!vendor.contactEmail && !contactEmail && (
          <Alert color="yellow" variant="light">
            {vendor.name} has no contact e-mail on file. Enter the person who should answer.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} type="button">
            Cancel
          </Button>
          <Button type="submit" loading={send.isPending}>
            Send questionnaire
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Send a questionnaire to the vendor: it e-mails the contact a single-use portal link. */
export function SendAssessmentModal(props: Props) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Send a questionnaire to ${props.vendor.name}`} size="lg" fullScreen={!!phone}>
      {props.opened && <SendForm {...props} />}
    </Modal>
  );
}
