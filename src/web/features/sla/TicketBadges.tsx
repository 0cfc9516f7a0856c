import { Badge, Group, Text } from '@mantine/core';
import type { SlaTicketT } from './types.ts';

/** The verdict of one ticket as badges: what was breached, at risk, or why it was not measured. */
export function TicketVerdict({ t, short = false }: { t: SlaTicketT; short?: boolean }) {
  if (t.problem) {
    return (
      <Badge color="yellow" variant="light" tt="none" title={t.problem}>
        Data problem
      </Badge>
    );
  }
  const badges = [];
  if (t.responseBreached) badges.push(<Badge key="r" color="red" variant="light" tt="none">{short ? 'Response' : 'Response breached'}</Badge>);
  if (t.resolutionBreached) badges.push(<Badge key="s" color="red" variant="filled" tt="none">{short ? 'Resolution' : 'Resolution breached'}</Badge>);
  if (t.atRisk) badges.push(<Badge key="a" color="orange" variant="light" tt="none">At risk</Badge>);
  if (badges.length === 0) {
    return (
      <Text size="sm" c={t.state === 'resolved' ? 'teal.7' : 'dimmed'}>
        {t.state === 'resolved' ? (short ? 'None' : 'Within target') : t.state === 'paused' ? 'Paused' : 'Open'}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {badges}
    </Group>
  );
}
