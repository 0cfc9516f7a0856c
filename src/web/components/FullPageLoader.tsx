import { Center, Loader } from '@mantine/core';

export function FullPageLoader({ label = 'Loading Outsight' }: { label?: string }) {
  return (
    <Center mih="100dvh">
      <Loader aria-label={label} />
    </Center>
  );
}
