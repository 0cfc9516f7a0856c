import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { PortalLinkPage } from './PortalLinkPage.tsx';

const PortalDeliverablePage = lazy(() => import('../deliverables/PortalDeliverablePage.tsx').then((m) => ({ default: m.PortalDeliverablePage })));
const PortalAssessmentPage = lazy(() => import('./PortalAssessmentPage.tsx').then((m) => ({ default: m.PortalAssessmentPage })));

/** Public: the single-use link e-mailed to a vendor contact opens a session by itself. */
export const portalPublicRoutes: RouteObject[] = [{ path: '/portal/link/:token', element: <PortalLinkPage /> }];

/** Signed in as a vendor contact, without the app shell. */
export const portalSessionRoutes: RouteObject[] = [
  {
    path: '/portal/assessments/:id',
    element: (
      <Suspense fallback={<FullPageLoader label="Loading questionnaire" />}>
        <PortalAssessmentPage />
      </Suspense>
    ),
  },
  {
    path: '/portal/deliverables/:id',
    element: (
      <Suspense fallback={<FullPageLoader label="Loading deliverable" />}>
        <PortalDeliverablePage />
      </Suspense>
    ),
  },
];
