import { useMediaQuery } from '@mantine/hooks';

/** True from Mantine's `sm` breakpoint up (tablet and desktop); read at once, not after a render. */
export function useIsWide(): boolean {
  return useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false }) ?? true;
}
