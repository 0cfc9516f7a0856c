import { Tooltip } from '@mantine/core';
import { formatDateTime, relativeTime } from '../lib/format.ts';

/** "3 hours ago", with the exact time on hover and in the markup. */
export function TimeAgo({ value }: { value: string }) {
  return (
    <Tooltip label={formatDateTime(value)} openDelay={300}>
      <time dateTime={value} title={formatDateTime(value)}>
        {relativeTime(value)}
      </time>
    </Tooltip>
  );
}
