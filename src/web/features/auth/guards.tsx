import { Center, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { roleCan, type Permission } from '../../../shared/permissions.ts';
import { AppLayout } from '../../components/AppLayout.tsx';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { NotAvailable } from '../../components/NotAvailable.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { PortalFrame } from '../portal/PortalFrame.tsx';
import { useMe, useSession, useSetupStatus } from './api.ts';

/** Sends every screen to `/setup` while the installation has no organisation. */
export function SetupGate() {
  const status = useSetupStatus();
  const { pathname } = useLocation();
  if (status.isPending) return <FullPageLoader />;
  if (status.isError) {
    return (
      <Center mih="100dvh" p="md">
        <Stack maw={480} w="100%">
          <QueryError error={status.error} onRetry={() => status.refetch()} what="Outsight" />
        </Stack>
      </Center>
    );
  }
  if (status.data.needsSetup && pathname !== '/setup') return <Navigate to="/setup" replace />;
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

/** Renders its routes only with a session; otherwise goes to sign-in and comes back after. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError && !me.data) {
    return (
      <Center mih="100dvh" p="md">
        <Stack maw={480} w="100%">
          <QueryError error={me.error} onRetry={() => me.refetch()} what="your session" />
        </Stack>
      </Center>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** The internal app. A vendor contact never sees its navigation: `/` goes to the portal, the rest is "not available". */
export function InternalShell() {
  const me = useSession();
  const { pathname } = useLocation();
  if (me.user.role === 'vendor_contact') {
    if (pathname === '/') return <Navigate to="/portal" replace />;
    return (
      <PortalFrame me={me}>
        <NotAvailable homeTo="/portal" homeLabel="Go to your portal" />
      </PortalFrame>
    );
  }
  return <AppLayout me={me} />;
}

/** A screen that needs a permission the role may not have. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useSession();
  return roleCan(me.user.role, permission) ? <>{children}</> : <NotAvailable />;
}
