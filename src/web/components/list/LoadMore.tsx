import { Button, Center, Text } from '@mantine/core';

/** Keyset pagination: fetch the next page, or say that the list is complete. */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
  shown,
  noun = 'items',
  pages = 2,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  shown: number;
  noun?: string;
  /** Pages loaded so far; "showing all" is only worth saying after "Load more". */
  pages?: number;
}) {
  if (!hasMore) {
    return shown > 0 && pages > 1 ? (
      <Center py="sm">
        <Text size="xs" c="dimmed">
          Showing all {shown.toLocaleString()} {noun}
        </Text>
      </Center>
    ) : null;
  }
  return (
    <Center py="sm">
      <Button variant="default" onClick={onLoad} loading={loading}>
        Load more {noun}
      </Button>
    </Center>
  );
}
