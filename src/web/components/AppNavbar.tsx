import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBriefcase,
  IconBuildingSkyscraper,
  IconClipboardCheck,
  IconDoorExit,
  IconFileText,
  IconCoin,
  IconGauge,
  IconHistory,
  IconLayoutDashboard,
  IconListCheck,
  IconSettings,
  IconTargetArrow,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link, useLocation } from 'react-router';
import { roleCan, type Permission } from '../../shared/permissions.ts';
import type { MeT } from '../api/types.ts';

interface Item {
  label: string;
  to: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  permission?: Permission;
  exact?: boolean;
}

const ITEMS: Item[] = [
  { label: 'Dashboard', to: '/', icon: IconLayoutDashboard, permission: 'dashboard.read', exact: true },
  { label: 'My actions', to: '/my-actions', icon: IconListCheck, permission: 'governance.read' },
  { label: 'Vendors', to: '/vendors', icon: IconBuildingSkyscraper, permission: 'vendor.read' },
  { label: 'Engagements', to: '/engagements', icon: IconBriefcase, permission: 'engagement.read' },
  { label: 'Sourcing', to: '/sourcing', icon: IconTargetArrow, permission: 'sourcing.read' },
  { label: 'Contracts', to: '/contracts', icon: IconFileText, permission: 'contract.read' },
  { label: 'Due diligence', to: '/due-diligence', icon: IconClipboardCheck, permission: 'assessment.read' },
  { label: 'SLAs', to: '/sla', icon: IconGauge, permission: 'sla.read' },
  { label: 'Costs', to: '/costs', icon: IconCoin, permission: 'cost.read' },
  { label: 'Exit readiness', to: '/exit', icon: IconDoorExit, permission: 'exit.read' },
  { label: 'Risks', to: '/risks', icon: IconAlertTriangle, permission: 'risk.read' },
  { label: 'Audit', to: '/audit', icon: IconHistory, permission: 'audit.read' },
  { label: 'Settings', to: '/settings', icon: IconSettings },
];

/** Main navigation; hides what the role may not open (the server refuses it anyway). */
export function AppNavbar({ me, onNavigate }: { me: MeT; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const items = ITEMS.filter((i) => !i.permission || roleCan(me.user.role, i.permission));
  return (
    <Stack component="nav" aria-label="Main" gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4} lts={0.5} hiddenFrom="xs">
        {me.org.name}
      </Text>
      {items.map((item) => {
        const active = item.exact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
        const Icon = item.icon;
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={<Icon size={18} stroke={1.7} />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            variant="light"
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          />
        );
      })}
    </Stack>
  );
}
