import { useEffect } from 'react';

/** Keep the browser tab (and screen readers' page announcement) in step with the screen. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Outsight` : 'Outsight';
  }, [title]);
}
