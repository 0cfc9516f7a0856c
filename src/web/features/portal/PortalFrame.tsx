import { Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MeT } from '../../api/types.ts';
import { Logo } from '../../components/Logo.tsx';
import { UserMenu } from '../../components/UserMenu.tsx';

/** The vendor portal's own frame: no app navigation, just the mark and the account menu. */
export function PortalFrame({ me, children }: { me: MeT; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Box component="header" className="portal-header">
        <Container size="md" h={56}>
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Logo />
            <UserMenu me={me} showSettings={false} />
          </Group>
        </Container>
      </Box>
      <Container size="md" component="main" id="main" tabIndex={-1} py="xl">
        {children}
      </Container>
    </>
  );
}
