import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconCheck, IconChevronDown, IconDeviceDesktop, IconLogout, IconMoon, IconSettings,
  IconShieldLock, IconSun } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../shared/contracts/auth.ts';
import type { MeT } from '../api/types.ts';
import { ApiError } from '../api/client.ts';
import { useLogout, useMyOrganisations, useSwitchOrganisation } from '../features/auth/api.ts';
import { initials, personName } from '../lib/format.ts';

const SCHEMES = [
  { value: 'light', label: 'Light', Icon: IconSun },
  { value: 'dark', label: 'Dark', Icon: IconMoon },
  { value: 'auto', label: 'System', Icon: IconDeviceDesktop },
] as const;

/** The signed-in user: who, which role, the organisation switcher, settings, colour scheme and sign-out. */
export function UserMenu({ me, showSettings = true }: { me: MeT; showSettings?: boolean }) {
  const logout = useLogout();
  const orgs = useMyOrganisations();
  const switchOrg = useSwitchOrganisation();
  const others = (orgs.data?.items ?? []).filter((m) => !m.current);
  const name = personName(me.user);
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  const switchTo = (orgId: string, name: string) =>
    switchOrg.mutate(orgId, {
      onSuccess: (next) => {
        navigate(next.user.role === 'vendor_contact' ? '/portal' : '/', { replace: true });
        notifications.show({ color: 'green', message: `You are now working in ${name}.` });
      },
      onError: (e) =>
        notifications.show({ color: 'red', title: `Could not open ${name}`, message: e instanceof ApiError ? e.message : 'Try again in a moment.' }),
    });

  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) });

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${name}`} className="user-button">
          <Group gap={8} wrap="nowrap">
            <Avatar color="blue" radius="xl" size={32}>
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {personName(me.user, ROLE_LABELS[me.user.role])}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {ROLE_LABELS[me.user.role]} · {me.org.name}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {others.length > 0 && (
          <>
            <Menu.Label>Switch organisation</Menu.Label>
            {others.map((m) => (
              <Menu.Item
                key={m.org.id}
                leftSection={<IconBuilding size={16} />}
                onClick={() => switchTo(m.org.id, m.org.name)}
                disabled={switchOrg.isPending}
              >
                <Text size="sm" truncate>
                  {m.org.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {ROLE_LABELS[m.role]}
                </Text>
              </Menu.Item>
            ))}
            <Menu.Divider />
          </>
        )}
        {showSettings && (
          <Menu.Item component={Link} to="/settings/tokens" leftSection={<IconSettings size={16} />}>
            Settings
          </Menu.Item>
        )}
        {showSettings && (
          <Menu.Item component={Link} to="/settings/security" leftSection={<IconShieldLock size={16} />}>
            Security and sign-in
          </Menu.Item>
        )}
        <Menu.Label>Appearance</Menu.Label>
        {SCHEMES.map(({ value, label, Icon }) => (
          <Menu.Item
            key={value}
            leftSection={<Icon size={16} />}
            onClick={() => setColorScheme(value)}
            rightSection={colorScheme === value ? <IconCheck size={14} aria-hidden /> : null}
          >
            {label}
            {colorScheme === value && <VisuallyHidden> (current)</VisuallyHidden>}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={signOut} disabled={logout.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
