/** The tokens module as other code sees it: API tokens for scripts and the CLI's remote mode. */
export { actorFromToken, createToken, listTokens, revokeToken } from './tokens.service.ts';
