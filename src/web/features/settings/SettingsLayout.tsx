import { Tabs } from '@mantine/core';
import { IconAlertTriangle, IconBuilding, IconCalendarEvent, IconDoorExit, IconFileCheck, IconKey, IconReceipt, IconShieldLock, IconUsers } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';

const TABS = [
  { value: 'organisation', label: 'Organisation', icon: IconBuilding },
  { value: 'users', label: 'Users', icon: IconUsers },
  { value: 'tokens', label: 'API tokens', icon: IconKey },
  { value: 'contracts', label: 'Contracts', icon: IconCalendarEvent },
  { value: 'clauses', label: 'Contract clauses', icon: IconFileCheck },
  { value: 'security', label: 'Security', icon: IconShieldLock },
  { value: 'costs', label: 'Costs', icon: IconReceipt },
  { value: 'exit', label: 'Exit', icon: IconDoorExit },
  { value: 'risk', label: 'Risk', icon: IconAlertTriangle },
];

/** Settings: organisation, users and invitations, personal API tokens. */
export function SettingsLayout() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => pathname.startsWith(`/settings/${t.value}`))?.value ?? 'organisation';
  return (
    <>
      <PageHeader title="Settings" description="Your organisation, the people who use Outsight, API access, and how you sign in." />
      <Tabs value={current} onChange={(t) => t && navigate(`/settings/${t}`)} mb="lg">
        <Tabs.List className="tabs-scroll" aria-label="Settings sections">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
