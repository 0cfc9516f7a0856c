/** The dashboard module as other code sees it (the tests ask it with their own feeds). */
export { getDashboard, THIS_WEEK_LIMIT } from './dashboard.service.ts';
