/** The health module as other code sees it: whether this instance can serve. */
export { checkHealth } from './health.service.ts';
