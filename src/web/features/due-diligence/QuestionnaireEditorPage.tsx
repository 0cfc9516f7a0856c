import { Alert, Badge, Button, Center, Group, List, Loader, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDownload, IconPlus } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import { TemplateSchema, validateTemplate } from '../../../domain/questionnaire/template.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ApiError } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useUnsavedChanges } from '../vendors/useUnsavedChanges.tsx';
import { exportTemplateUrl, useSaveTemplate, useTemplate } from './api.ts';
import { canonicalJson, earlierQuestions, fieldPaths, fromTemplate, move, newSection, placeIssues, toTemplate, type Draft, type DraftSection } from './editorModel.ts';
import { SectionEditor } from './SectionEditor.tsx';
import type { TemplateDetailT } from './types.ts';

const SaveSchema = z.object({ name: z.string().trim().min(1, 'Give the questionnaire a name').max(200), definition: TemplateSchema });

function Editor({ detail, canWrite, viewingOld, onSaved }: { detail: TemplateDetailT; canWrite: boolean; viewingOld: boolean; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => fromTemplate(detail.definition));
  const [name, setName] = useState(detail.name);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const save = useSaveTemplate(detail.id);
  const baseline = useMemo(() => canonicalJson(detail.definition), [detail]);

  const shape = draft.sections.map((s) => s.questions.map((q) => q.choices?.length ?? 0).join(',')).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the field list only changes with the draft's shape
  const fields = useMemo(() => fieldPaths(draft), [shape]);
  const known = useMemo(() => new Set(fields), [fields]);
  const form = useFormErrors(fields);

  const deferred = useDeferredValue(draft);
  const template = useMemo(() => toTemplate({ ...deferred, name }), [deferred, name]);
  const live = useMemo(() => {
    const r = validateTemplate(template);
    return placeIssues(known, 'issues' in r ? r.issues.map((i) => ({ path: i.path ? `definition.${i.path}` : 'definition', message: i.message })) : []);
  }, [template, known]);
  const errors = { ...live.byField, ...form.errors };
  const problemCount = Object.keys(live.byField).length + live.rest.length;
  const dirty = useMemo(() => canonicalJson(toTemplate(deferred)) !== baseline, [deferred, baseline]) || name !== detail.name;
  const blockDialog = useUnsavedChanges(dirty && !save.isPending);

  const edit = useCallback(
    (fn: (d: Draft) => Draft) => {
      setDraft(fn);
      if (form.general) form.reset();
    },
    [form],
  );
  const toggle = useCallback((key: string) => setExpanded((prev) => {
    const next = new Set(prev);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  }), []);
  const setSection = (si: number, s: DraftSection) => edit((d) => ({ ...d, sections: d.sections.map((x, j) => (j === si ? s : x)) }));

  const submit = () => {
    const valid = form.validate(SaveSchema, { name, definition: toTemplate({ ...draft, name: name.trim() }) });
    if (!valid) return;
    save.mutate(valid, {
      onSuccess: (t) => {
        notifications.show({ color: 'teal', title: `Saved as version ${t.version}`, message: `${t.name}: ${t.questionCount} questions` });
        onSaved();
      },
      onError: form.fromError,
    });
  };

  const questionCount = draft.sections.reduce((n, s) => n + s.questions.length, 0);
  return (
    <Stack gap="lg">
      {blockDialog}
      {viewingOld && (
        <Alert color="yellow" variant="light" title={`You are looking at version ${detail.version}`}>
          {canWrite ? `Saving creates version ${detail.latestVersion + 1} from it; version ${detail.latestVersion} stays as it is.` : 'An older version.'}
        </Alert>
      )}
      <FormErrorAlert error={form.general} title="The questionnaire was not saved" />
      <Paper withBorder radius="md" p="md">
        <fieldset className="bare-fieldset" disabled={!canWrite}>
          <Stack gap="sm">
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name ?? errors['definition.name']} />
            <Textarea label="Description" description="Shown to the vendor at the top of the questionnaire." autosize minRows={1} maxRows={5} value={draft.description ?? ''} onChange={(e) => { const v = e.currentTarget.value; edit((d) => ({ ...d, description: v || undefined })); }} error={errors['definition.description']} />
          </Stack>
        </fieldset>
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {draft.sections.length} sections · {questionCount} questions. Open a question to edit it.
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set(draft.sections.flatMap((s) => s.questions.map((q) => q._key))))}>
            Open all
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set())}>
            Close all
          </Button>
        </Group>
      </Group>
      {draft.sections.map((s, si) => (
        <SectionEditor
          key={s._key}
          draft={draft}
          section={s}
          index={si}
          errors={errors}
          expanded={expanded}
          readOnly={!canWrite}
          onToggle={toggle}
          onChange={(next) => setSection(si, next)}
          onMove={(delta) => edit((d) => ({ ...d, sections: move(d.sections, si, si + delta) }))}
          onRemove={() => edit((d) => ({ ...d, sections: d.sections.filter((_, j) => j !== si) }))}
          earlierThan={(qi) => earlierQuestions(draft, si, qi)}
        />
      ))}
      {canWrite && (
        <>
          <Group>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => edit((d) => ({ ...d, sections: [...d.sections, newSection(d)] }))}>
              Add section
            </Button>
          </Group>
          <Paper withBorder radius="md" p="sm" className="form-actions">
            <Group justify="space-between" gap="sm">
              <Group gap="xs">
                {problemCount > 0 ? (
                  <Badge color="red" variant="light">
                    {problemCount} problem{problemCount === 1 ? '' : 's'} to fix
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    Valid
                  </Badge>
                )}
                <Text size="sm" c="dimmed">
                  {dirty ? 'Unsaved changes' : 'No changes'}
                </Text>
              </Group>
              <Button leftSection={<IconDeviceFloppy size={16} />} onClick={submit} loading={save.isPending} disabled={!dirty && !viewingOld}>
                Save as version {detail.latestVersion + 1}
              </Button>
            </Group>
            {live.rest.length > 0 && (
              <List size="xs" c="red" mt="xs">
                {live.rest.map((i) => (
                  <List.Item key={`${i.path}:${i.message}`}>{i.message}</List.Item>
                ))}
              </List>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}

/** The questionnaire editor: sections and questions, live validation, save as a new version. */
export function QuestionnaireEditorPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useSession();
  const asked = Number(params.get('version')) || undefined;
  const template = useTemplate(id, asked);
  const canWrite = roleCan(me.user.role, 'template.write');
  usePageTitle(template.data?.name ?? 'Questionnaire');

  if (template.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading questionnaire" />
      </Center>
    );
  }
  if (template.isError) {
    if (template.error instanceof ApiError && template.error.status === 404) return <NotFound what="questionnaire" backTo="/due-diligence/questionnaires" backLabel="Back to questionnaires" />;
    return <QueryError error={template.error} onRetry={() => template.refetch()} what="the questionnaire" />;
  }
  const t = template.data;
  const viewingOld = t.version !== t.latestVersion;
  const chooseVersion = (v: string | null) => {
    const n = Number(v);
    setParams(n && n !== t.latestVersion ? { version: String(n) } : {}, { replace: true });
  };

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Due diligence', to: '/due-diligence' }, { label: 'Questionnaires', to: '/due-diligence/questionnaires' }, { label: t.name }]}
        title={t.name}
        badges={<Badge variant="light">Version {t.version}</Badge>}
        description={`${t.questionCount} questions. Sent assessments keep the version they were sent with.`}
        actions={
          <>
            <Select
              aria-label="Version"
              w={{ base: '100%', xs: 300 }}
              data={[...t.versions].sort((a, b) => b.version - a.version).map((v) => ({ value: String(v.version), label: `Version ${v.version} · ${formatDate(v.createdAt)} · ${v.questionCount} questions` }))}
              value={String(t.version)}
              onChange={chooseVersion}
              allowDeselect={false}
            />
            <Button component="a" href={exportTemplateUrl(t.id, t.version)} download variant="default" leftSection={<IconDownload size={16} />}>
              Export JSON
            </Button>
          </>
        }
      />
      <Editor key={`${t.id}:${t.version}`} detail={t} canWrite={canWrite} viewingOld={viewingOld} onSaved={() => setParams({}, { replace: true })} />
    </>
  );
}
