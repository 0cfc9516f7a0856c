import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconDots, IconDownload, IconFileImport, IconPlus, IconSparkles, IconClipboardList } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import { errorMessage } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CardList } from '../../components/list/DataTable.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { exportTemplateUrl, useAddBuiltinTemplate, useArchiveTemplate, useCreateTemplate, useQuestionnaireList } from './api.ts';
import { blankTemplate } from './editorModel.ts';
import { ImportQuestionnaireModal } from './ImportQuestionnaireModal.tsx';
import type { TemplateSummaryT } from './types.ts';

const ORIGIN_LABELS: Record<string, string> = { builtin: 'Built-in', custom: 'Custom', vsaq: 'VSAQ import', import: 'Imported', outsight: 'Imported' };

function NewQuestionnaireModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateTemplate();
  const navigate = useNavigate();
  const form = useFormErrors(['name']);
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    const n = name.trim() || 'New questionnaire';
    create.mutate({ name: n, definition: blankTemplate(n) }, { onSuccess: (t) => navigate(`/due-diligence/questionnaires/${t.id}`), onError: form.fromError });
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New questionnaire">
      <form onSubmit={submit} noValidate aria-label="New questionnaire">
        <Stack>
          <FormErrorAlert error={form.general} title="The questionnaire was not created" />
          <TextInput label="Name" placeholder="e.g. Cloud hosting security" value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create and edit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Row({ t, canWrite, onArchive }: { t: TemplateSummaryT; canWrite: boolean; onArchive: (t: TemplateSummaryT) => void }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Anchor component={Link} to={`/due-diligence/questionnaires/${t.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {t.name}
          </Anchor>
          <Badge variant="light" color="gray" size="sm">
            {ORIGIN_LABELS[t.origin] ?? 'Imported'}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          Version {t.latestVersion} · {t.questionCount} questions · updated {formatDate(t.updatedAt)}
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap">
        <Button component="a" href={exportTemplateUrl(t.id)} download variant="subtle" size="xs" leftSection={<IconDownload size={14} />} visibleFrom="xs">
          Export JSON
        </Button>
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={`More actions for ${t.name}`}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={exportTemplateUrl(t.id)} download leftSection={<IconDownload size={14} />}>
              Export JSON
            </Menu.Item>
            {canWrite && (
              <Menu.Item color="red" leftSection={<IconArchive size={14} />} onClick={() => onArchive(t)}>
                Archive
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}

/** Questionnaire templates: the built-in one, imports (VSAQ, Outsight JSON), exports, and the editor. */
export function QuestionnairesPage() {
  usePageTitle('Questionnaires');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'template.write');
  const templates = useQuestionnaireList();
  const builtin = useAddBuiltinTemplate();
  const archive = useArchiveTemplate();
  const [importOpen, importDialog] = useDisclosure(false);
  const [newOpen, newDialog] = useDisclosure(false);
  const [archiving, setArchiving] = useState<TemplateSummaryT | null>(null);
  const navigate = useNavigate();
  const addBuiltin = () =>
    builtin.mutate(undefined, {
      onSuccess: (t) => {
        notifications.show({ color: 'teal', title: 'Built-in questionnaire added', message: `${t.name}: ${t.questionCount} questions` });
        navigate(`/due-diligence/questionnaires/${t.id}`);
      },
      onError: (e) => notifications.show({ color: 'red', title: 'Could not add the questionnaire', message: errorMessage(e) }),
    });

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Due diligence', to: '/due-diligence' }, { label: 'Questionnaires' }]}
        title="Questionnaires"
        description="Versioned templates: sections and questions with weights, scores, severities and conditions. Sending one freezes the version the vendor answers."
        actions={
          canWrite && (
            <>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={importDialog.open}>
                Import
              </Button>
              <Button variant="default" leftSection={<IconSparkles size={16} />} onClick={addBuiltin} loading={builtin.isPending}>
                Add the built-in questionnaire
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={newDialog.open}>
                New questionnaire
              </Button>
            </>
          )
        }
      />
      <ListView
        list={templates}
        noun={{ one: 'questionnaire', many: 'questionnaires' }}
        skeletonRows={3}
        empty={{
          icon: <IconClipboardList size={28} />,
          title: 'No questionnaires yet',
          description:
            'Start from the built-in questionnaire for outsourced IT (about 60 questions on certifications, access control, encryption, incident response, continuity, subcontractors, source code and exit), import one, or write your own.',
          actions: canWrite && (
            <Button onClick={addBuiltin} loading={builtin.isPending} leftSection={<IconSparkles size={16} />}>
              Add the built-in questionnaire
            </Button>
          ),
        }}
      >
        {(items) => <CardList items={items} itemKey={(t) => t.id} label="Questionnaires" render={(t) => <Row t={t} canWrite={canWrite} onArchive={setArchiving} />} />}
      </ListView>
      <ImportQuestionnaireModal opened={importOpen} onClose={importDialog.close} />
      <NewQuestionnaireModal opened={newOpen} onClose={newDialog.close} />
      <ConfirmDialog
        opened={!!archiving}
        title={`Archive ${archiving?.name ?? ''}?`}
        confirmLabel="Archive"
        color="orange"
        loading={archive.isPending}
        onClose={() => setArchiving(null)}
        onConfirm={() => archiving && archive.mutate(archiving.id, { onSuccess: () => setArchiving(null), onError: (e) => notifications.show({ color: 'red', title: 'Could not archive', message: errorMessage(e) }) })}
      >
        It can no longer be sent. Assessments already sent keep the version they were sent with.
      </ConfirmDialog>
    </>
  );
}
