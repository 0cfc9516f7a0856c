/** The dashboard module as other code sees it (the tests ask it with their own feeds). */
export { DUE_AHEAD_LIMIT, getDashboard, listDueAhead, THIS_WEEK_LIMIT } from './dashboard.service.ts';
