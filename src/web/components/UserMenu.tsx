import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden, useMantineColorScheme } from '@mantine/core';
import { IconCheck, IconChevronDown, IconDeviceDesktop, IconLogout, IconMoon, IconSettings,
  IconShieldLock, IconSun } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../shared/contracts/auth.ts';
import type { MeT } from '../api/types.ts';
import { useLogout } from '../features/auth/api.ts';
import { initials, personName } from '../lib/format.ts';

const SCHEMES = [
  { value: 'light', label: 'Light', Icon: IconSun },
  { value: 'dark', label: 'Dark', Icon: IconMoon },
  { value: 'auto', label: 'System', Icon: IconDeviceDesktop },
] as const;

/** The signed-in user: who, which role, settings, colour scheme and sign-out. */
export function UserMenu({ me, showSettings = true }: { me: MeT; showSettings?: boolean }) {
  const logout = useLogout();
  const name = personName(me.user);
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();

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
