import type { ModuleFeed } from './feed.ts';

/** Every module's feed, in one visible list (like ROUTE_MODULES in app.ts). */
export const FEEDS: readonly ModuleFeed[] = [];
