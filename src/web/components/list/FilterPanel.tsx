import { Badge, Button, Collapse, Stack } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useIsWide } from '../../lib/useIsWide.ts';

/** Filters are always shown on a wide screen; on a phone they fold behind a "Filters" button. */
export function FilterPanel({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const wide = useIsWide();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (wide) return <>{children}</>;
  return (
    <Stack gap="sm">
      <Button
        variant="default"
        size="sm"
        leftSection={<IconAdjustmentsHorizontal size={16} />}
        rightSection={activeCount > 0 ? <Badge size="sm" circle>{activeCount}</Badge> : null}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={id}
        style={{ alignSelf: 'flex-start' }}
      >
        {open ? 'Hide filters' : 'Filters'}
      </Button>
      <Collapse expanded={open} id={id}>
        <Stack gap="sm">{children}</Stack>
      </Collapse>
    </Stack>
  );
}
