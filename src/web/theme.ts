import { createTheme } from '@mantine/core';

/** System fonts only: the CSP allows no third-party origins, and they read well everywhere. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Tooltip: { defaultProps: { withArrow: true } },
    Modal: { defaultProps: { radius: 'md' } },
    // A status is read whole: a table column squeezed by its neighbours cut "Under review" to "Under revi…".
    Badge: { styles: { root: { flexShrink: 0, minWidth: 'max-content' } } },
  },
});
