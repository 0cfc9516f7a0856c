/** Words for the governance screens. */
export const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const hours = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
/** "Europe/Berlin" → "Berlin"; "America/New_York" → "New York". */
export const place = (zone: string | null | undefined) => (zone ? zone.split('/').pop()!.replace(/_/g, ' ') : '');
export const afterHoursWords = (h: number) => (h === 0 ? 'at once' : h < 24 || h % 24 ? `after ${h} h` : `after ${h / 24} day${h === 24 ? '' : 's'}`);
