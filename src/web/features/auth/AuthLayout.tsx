import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../components/Logo.tsx';

/** The frame of the signed-out screens: the mark, a title and one card. */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Box component="main" id="main" tabIndex={-1} className="auth-background">
      <Center mih="100dvh" p="md">
        <Stack w="100%" maw={420} gap="lg">
          <Center>
            <Logo size={36} />
          </Center>
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={1} size="h3">
                  {title}
                </Title>
                {subtitle && (
                  <Text size="sm" c="dimmed">
                    {subtitle}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Outsight · oversight for outsourced IT
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
