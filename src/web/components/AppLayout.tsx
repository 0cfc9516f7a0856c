import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import type { MeT } from '../api/types.ts';
import { AppNavbar } from './AppNavbar.tsx';
import { useIsWide } from '../lib/useIsWide.ts';
import { Logo } from './Logo.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in shell: header with organisation and user menu, navigation, content. */
export function AppLayout({ me }: { me: MeT }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const wide = useIsWide();

  const first = useRef(true);

  // On every navigation: close the phone drawer, and move focus to the new content so
  // keyboard and screen-reader users start at the top of the page they asked for.
  useEffect(() => {
    close();
    if (first.current) {
      first.current = false;
      return;
    }
    // Switching tabs changes the address too; leave focus on the tab list then.
    if (document.activeElement?.getAttribute('role') === 'tab') return;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname, close]);

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={opened}
                aria-controls="app-navbar"
              />
              <Link to="/" className="brand-link" aria-label="Outsight home">
                <Logo />
              </Link>
              <Text size="sm" c="dimmed" visibleFrom="xs" truncate className="org-name" title={me.org.name}>
                {me.org.name}
              </Text>
            </Group>
            <UserMenu me={me} />
          </Group>
        </AppShell.Header>
        {/* Off-screen on a phone until opened: keep it out of the tab order meanwhile. */}
        <AppShell.Navbar p="sm" id="app-navbar" inert={!wide && !opened}>
          <AppNavbar me={me} onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <div className="page-container">
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
