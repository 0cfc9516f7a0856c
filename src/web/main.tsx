import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';

import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from './api/client.ts';
import { keys } from './api/keys.ts';
import { queryClient } from './api/queryClient.ts';
import { router } from './App.tsx';
import { markSessionEnded } from './features/auth/sessionNotice.ts';
import { theme } from './theme.ts';

// A 401 anywhere means the session is gone: forget it, and the guards send the user to sign-in.
setUnauthenticatedHandler(() => {
  if (queryClient.getQueryData(keys.me)) {
    markSessionEnded();
    queryClient.setQueryData(keys.me, null);
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
