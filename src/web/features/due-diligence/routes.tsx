import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import type { Permission } from '../../../shared/permissions.ts';
import { RequirePermission } from '../auth/guards.tsx';

const DueDiligencePage = lazy(() => import('./DueDiligencePage.tsx').then((m) => ({ default: m.DueDiligencePage })));
const QuestionnairesPage = lazy(() => import('./QuestionnairesPage.tsx').then((m) => ({ default: m.QuestionnairesPage })));
const QuestionnaireEditorPage = lazy(() => import('./QuestionnaireEditorPage.tsx').then((m) => ({ default: m.QuestionnaireEditorPage })));
const AssessmentReviewPage = lazy(() => import('./AssessmentReviewPage.tsx').then((m) => ({ default: m.AssessmentReviewPage })));

function page(permission: Permission, label: string, element: ReactNode) {
  return (
    <RequirePermission permission={permission}>
      <Suspense
        fallback={
          <Center py="xl">
            <Loader aria-label={label} />
          </Center>
        }
      >
        {element}
      </Suspense>
    </RequirePermission>
  );
}

/** Due-diligence screens inside the app shell; each loads on first visit. */
export const dueDiligenceRoutes: RouteObject[] = [
  { path: 'due-diligence', element: page('assessment.read', 'Loading due diligence', <DueDiligencePage />) },
  { path: 'due-diligence/questionnaires', element: page('assessment.read', 'Loading questionnaires', <QuestionnairesPage />) },
  { path: 'due-diligence/questionnaires/:id', element: page('assessment.read', 'Loading questionnaire', <QuestionnaireEditorPage />) },
  { path: 'questionnaires', element: <Navigate to="/due-diligence/questionnaires" replace /> },
  // The reviewer's e-mail links here.
  { path: 'assessments/:id', element: page('assessment.read', 'Loading assessment', <AssessmentReviewPage />) },
];
