import { lazy, Suspense } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { FullPageLoader } from './components/FullPageLoader.tsx';
import { RouteError } from './components/RouteError.tsx';
import { NotFound } from './components/NotFound.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { InternalShell, RequirePermission, RequireSession, SetupGate } from './features/auth/guards.tsx';
import { InvitePage } from './features/auth/InvitePage.tsx';
import { SurveyPage } from './features/governance/SurveyPage.tsx';
import { SetupPage } from './features/auth/SetupPage.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { EngagementListPage } from './features/engagements/EngagementListPage.tsx';
import { EngagementPage } from './features/engagements/EngagementPage.tsx';
import { dueDiligenceRoutes } from './features/due-diligence/routes.tsx';
import { riskRoutes } from './features/risks/routes.tsx';
import { PortalPage } from './features/portal/PortalPage.tsx';
import { portalPublicRoutes, portalSessionRoutes } from './features/portal/routes.tsx';
import { OrgSettings } from './features/settings/OrgSettings.tsx';
import { SettingsLayout } from './features/settings/SettingsLayout.tsx';
import { SecuritySettings } from './features/settings/SecuritySettings.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './features/auth/PasswordResetPages.tsx';
import { TokensSettings } from './features/settings/TokensSettings.tsx';
import { UsersSettings } from './features/settings/UsersSettings.tsx';
import { VendorCreatePage, VendorEditPage } from './features/vendors/VendorFormPages.tsx';
import { VendorListPage } from './features/vendors/VendorListPage.tsx';
import { VendorPage } from './features/vendors/VendorPage.tsx';

const ContractListPage = lazy(() => import('./features/contracts/ContractListPage.tsx').then((m) => ({ default: m.ContractListPage })));
const CostSettings = lazy(() => import('./features/costs/CostSettings.tsx').then((m) => ({ default: m.CostSettings })));
const DuePage = lazy(() => import('./features/dashboard/DuePage.tsx').then((m) => ({ default: m.DuePage })));
const MyActionsPage = lazy(() => import('./features/governance/MyActionsPage.tsx').then((m) => ({ default: m.MyActionsPage })));
const InvoicePage = lazy(() => import('./features/costs/InvoicePage.tsx').then((m) => ({ default: m.InvoicePage })));
const CostsPortfolioPage = lazy(() => import('./features/costs/CostsPortfolioPage.tsx').then((m) => ({ default: m.CostsPortfolioPage })));
const ChangeRequestPage = lazy(() => import('./features/costs/ChangeRequestPage.tsx').then((m) => ({ default: m.ChangeRequestPage })));
const ContractPage = lazy(() => import('./features/contracts/ContractPage.tsx').then((m) => ({ default: m.ContractPage })));
const KeyDatesPage = lazy(() => import('./features/contracts/KeyDatesPage.tsx').then((m) => ({ default: m.KeyDatesPage })));
const ContractGapsPage = lazy(() => import('./features/clauses/ContractGapsPage.tsx').then((m) => ({ default: m.ContractGapsPage })));
const ContractSettingsPage = lazy(() => import('./features/contracts/ContractSettingsPage.tsx').then((m) => ({ default: m.ContractSettingsPage })));
const ClauseSettings = lazy(() => import('./features/clauses/ClauseSettings.tsx').then((m) => ({ default: m.ClauseSettings })));
const ExitPortfolioPage = lazy(() => import('./features/exit/ExitPortfolioPage.tsx').then((m) => ({ default: m.ExitPortfolioPage })));
const ExitSettings = lazy(() => import('./features/exit/ExitSettings.tsx').then((m) => ({ default: m.ExitSettings })));
const RiskSettings = lazy(() => import('./features/risks/RiskSettings.tsx').then((m) => ({ default: m.RiskSettings })));
const SourcingListPage = lazy(() => import('./features/sourcing/SourcingListPage.tsx').then((m) => ({ default: m.SourcingListPage })));
const SourcingProjectPage = lazy(() => import('./features/sourcing/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));
const SlaOverviewPage = lazy(() => import('./features/sla/SlaOverviewPage.tsx').then((m) => ({ default: m.SlaOverviewPage })));

export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordPage /> },
      { path: '/invite/:token', element: <InvitePage /> },
      { path: '/survey/:token', element: <SurveyPage /> },
      ...portalPublicRoutes,
      {
        element: <RequireSession />,
        children: [
          { path: '/portal', element: <PortalPage /> },
          ...portalSessionRoutes,
          {
            element: <InternalShell />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <RequirePermission permission="dashboard.read"><DashboardPage /></RequirePermission> },
              { path: 'vendors', element: <RequirePermission permission="vendor.read"><VendorListPage /></RequirePermission> },
              { path: 'vendors/new', element: <RequirePermission permission="vendor.write"><VendorCreatePage /></RequirePermission> },
              { path: 'vendors/:id/edit', element: <RequirePermission permission="vendor.write"><VendorEditPage /></RequirePermission> },
              { path: 'vendors/:id/:tab?', element: <RequirePermission permission="vendor.read"><VendorPage /></RequirePermission> },
              { path: 'engagements', element: <RequirePermission permission="engagement.read"><EngagementListPage /></RequirePermission> },
              { path: 'engagements/:id/:tab?', element: <RequirePermission permission="engagement.read"><EngagementPage /></RequirePermission> },
              { path: 'sla', element: <RequirePermission permission="sla.read"><Suspense fallback={<FullPageLoader label="Loading SLAs" />}><SlaOverviewPage /></Suspense></RequirePermission> },
              { path: 'contracts', element: <RequirePermission permission="contract.read"><Suspense fallback={<FullPageLoader label="Loading contracts" />}><ContractListPage /></Suspense></RequirePermission> },
              { path: 'contracts/key-dates', element: <RequirePermission permission="contract.read"><Suspense fallback={<FullPageLoader label="Loading key dates" />}><KeyDatesPage /></Suspense></RequirePermission> },
              { path: 'contracts/gaps', element: <RequirePermission permission="contract.read"><Suspense fallback={<FullPageLoader label="Loading contract gaps" />}><ContractGapsPage /></Suspense></RequirePermission> },
              { path: 'contracts/:id/:tab?', element: <RequirePermission permission="contract.read"><Suspense fallback={<FullPageLoader label="Loading contract" />}><ContractPage /></Suspense></RequirePermission> },
              { path: 'sourcing', element: <RequirePermission permission="sourcing.read"><Suspense fallback={<FullPageLoader label="Loading sourcing" />}><SourcingListPage /></Suspense></RequirePermission> },
              { path: 'sourcing/:id', element: <RequirePermission permission="sourcing.read"><Suspense fallback={<FullPageLoader label="Loading the project" />}><SourcingProjectPage /></Suspense></RequirePermission> },
              ...dueDiligenceRoutes,
              ...riskRoutes,
              { path: 'due', element: <RequirePermission permission="dashboard.read"><Suspense fallback={<FullPageLoader label="Loading what is due" />}><DuePage /></Suspense></RequirePermission> },
              { path: 'my-actions', element: <RequirePermission permission="governance.read"><Suspense fallback={<FullPageLoader label="Loading your actions" />}><MyActionsPage /></Suspense></RequirePermission> },
              { path: 'invoices/:id', element: <RequirePermission permission="cost.read"><Suspense fallback={<FullPageLoader label="Loading invoice" />}><InvoicePage /></Suspense></RequirePermission> },
              { path: 'costs', element: <RequirePermission permission="cost.read"><Suspense fallback={<FullPageLoader label="Loading costs" />}><CostsPortfolioPage /></Suspense></RequirePermission> },
              { path: 'change-requests/:id', element: <RequirePermission permission="cost.read"><Suspense fallback={<FullPageLoader label="Loading change request" />}><ChangeRequestPage /></Suspense></RequirePermission> },
              { path: 'exit', element: <RequirePermission permission="exit.read"><Suspense fallback={<FullPageLoader label="Loading exit readiness" />}><ExitPortfolioPage /></Suspense></RequirePermission> },
              { path: 'audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="/settings/organisation" replace /> },
                  { path: 'organisation', element: <OrgSettings /> },
                  { path: 'users', element: <RequirePermission permission="user.read"><UsersSettings /></RequirePermission> },
                  { path: 'tokens', element: <RequirePermission permission="token.own"><TokensSettings /></RequirePermission> },
                  { path: 'contracts', element: <RequirePermission permission="contract.read"><Suspense fallback={<FullPageLoader label="Loading contract settings" />}><ContractSettingsPage /></Suspense></RequirePermission> },
                  { path: 'clauses', element: <RequirePermission permission="contract.read"><Suspense fallback={<FullPageLoader label="Loading requirements" />}><ClauseSettings /></Suspense></RequirePermission> },
                  { path: 'security', element: <SecuritySettings /> },
                  { path: 'risk', element: <RequirePermission permission="risk.read"><Suspense fallback={<FullPageLoader label="Loading risk settings" />}><RiskSettings /></Suspense></RequirePermission> },
                  { path: 'costs', element: <RequirePermission permission="cost.read"><Suspense fallback={<FullPageLoader label="Loading cost settings" />}><CostSettings /></Suspense></RequirePermission> },
                  { path: 'exit', element: <RequirePermission permission="exit.read"><Suspense fallback={<FullPageLoader label="Loading exit settings" />}><ExitSettings /></Suspense></RequirePermission> },
                ],
              },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
