import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/guards.tsx';

const RiskRegisterPage = lazy(() => import('./RiskRegisterPage.tsx').then((m) => ({ default: m.RiskRegisterPage })));
const RiskPage = lazy(() => import('./RiskPage.tsx').then((m) => ({ default: m.RiskPage })));
const ConcentrationPage = lazy(() => import('./ConcentrationPage.tsx').then((m) => ({ default: m.ConcentrationPage })));
const WhatIfPage = lazy(() => import('./WhatIfPage.tsx').then((m) => ({ default: m.WhatIfPage })));

function page(label: string, element: ReactNode) {
  return (
    <RequirePermission permission="risk.read">
      <Suspense fallback={<Center py="xl"><Loader aria-label={label} /></Center>}>{element}</Suspense>
    </RequirePermission>
  );
}

/** Risk screens inside the app shell; each loads on first visit. */
export const riskRoutes: RouteObject[] = [
  { path: 'risks', element: page('Loading risks', <RiskRegisterPage />) },
  { path: 'risks/concentration', element: page('Loading concentration', <ConcentrationPage />) },
  { path: 'risks/what-if', element: page('Loading what-if', <WhatIfPage />) },
  { path: 'risks/:id', element: page('Loading risk', <RiskPage />) },
];
