import { registerContractRoutes } from './modules/contracts/contracts.routes.ts';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { enforceAccess } from './http/access.ts';
import { authenticate } from './http/authenticate.ts';
import type { AppDeps } from './http/ctx.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { refuseNulCharacters } from './http/no-nul.ts';
import { registerOpenApi } from './http/openapi.ts';
import type { App } from './http/types.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerAccountRoutes } from './modules/auth/account.routes.ts';
import { registerPasswordRoutes } from './modules/users/password.routes.ts';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { registerEngagementRoutes } from './modules/engagements/engagements.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerInvitationRoutes } from './modules/users/invitations.routes.ts';
import { registerOrgRoutes } from './modules/org/org.routes.ts';
import { registerPortalRoutes } from './modules/portal/portal.routes.ts';
import { registerSetupRoutes } from './modules/setup/setup.routes.ts';
import { registerTokenRoutes } from './modules/tokens/tokens.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { registerVendorRoutes } from './modules/vendors/vendors.routes.ts';
import { registerCalendarRoutes } from './modules/calendars/calendars.routes.ts';
import { registerSlaRoutes } from './modules/sla/sla.routes.ts';
import { registerTicketRoutes } from './modules/tickets/tickets.routes.ts';
import { registerTicketMappingRoutes } from './modules/tickets/ticket-mappings.routes.ts';
import { registerAssessmentRoutes } from './modules/assessments/assessments.routes.ts';
import { registerCostRoutes } from './modules/costs/costs.routes.ts';
import { registerExitRoutes } from './modules/exit/exit.routes.ts';
import { registerRiskRoutes } from './modules/risks/risks.routes.ts';
import { registerSourcingRoutes } from './modules/sourcing/sourcing.routes.ts';
import { registerGovernanceRoutes } from './modules/governance/governance.routes.ts';
import { registerDeliverableRoutes } from './modules/deliverables/deliverables.routes.ts';
import { registerDueDiligenceRoutes } from './modules/due-diligence/due-diligence.routes.ts';
import { registerEvidenceRoutes } from './modules/evidence/evidence.routes.ts';
import { registerQuestionnaireRoutes } from './modules/questionnaires/questionnaires.routes.ts';
import { registerClauseRoutes } from './modules/clauses/clauses.routes.ts';

export { WEB_DIR } from './paths.ts';
import { WEB_DIR } from './paths.ts';

/** Every API module, in one visible list. */
const ROUTE_MODULES: Array<(app: App) => void | Promise<void>> = [
  registerHealthRoutes,
  registerSetupRoutes,
  registerAuthRoutes,
  registerAccountRoutes,
  registerPasswordRoutes,
  registerOrgRoutes,
  registerUserRoutes,
  registerInvitationRoutes,
  registerTokenRoutes,
  registerVendorRoutes,
  registerEngagementRoutes,
  registerAuditRoutes,
  registerDashboardRoutes,
  registerPortalRoutes,
  registerCalendarRoutes,
  registerSlaRoutes,
  registerTicketRoutes,
  registerTicketMappingRoutes,
  registerQuestionnaireRoutes,
  registerAssessmentRoutes,
  registerEvidenceRoutes,
  registerDueDiligenceRoutes,
  registerContractRoutes,
  registerClauseRoutes,
  registerDeliverableRoutes,
  registerCostRoutes,
  registerExitRoutes,
  registerRiskRoutes,
  registerSourcingRoutes,
  registerGovernanceRoutes,
];

/** Only the configured proxy hops may name the client's address (see OUTSIGHT_TRUST_PROXY in config.ts). */
function trustProxyOption(t: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof t === 'number' ? (_address, hop) => hop < t : t;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: string | undefined;
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web UI from dist/web (off in API tests). */
  serveWeb?: boolean;
}

/** Builds the Fastify app around its dependencies; main.ts, tests and the CLI's server mode share it. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}) {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorateRequest('actor', null);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/docs')) {
      // The interactive reference page and its assets are public, like the OpenAPI document.
      route.config = { ...(route.config as object), access: 'public' };
      return;
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      const access = (route.config as { access?: string } | undefined)?.access;
      if (route.url.startsWith('/api/') && access === undefined) {
        throw new Error(`Route ${method} ${route.url} declares no access rule`);
      }
      if (route.url.startsWith('/api/')) routes.push({ method, url: route.url, access });
    }
  });

  const serveWeb = opts.serveWeb === true && existsSync(path.join(WEB_DIR, 'index.html'));
  registerErrorHandler(app, { spa: serveWeb });
  // Uploaded files (CSV imports) arrive as raw bytes; the import decodes their encoding.
  app.addContentTypeParser(['text/csv', 'text/plain', 'text/calendar', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  await app.register(fastifyCookie);
  // The security headers, built once: the Fastify plugin built helmet's middleware (and
  // parsed the CSP directives) again on every request, 2 % of the server's time under load.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only makes sense behind https; a proxy that terminates TLS should set it.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined)));
  app.addHook('onRequest', authenticate);
  app.addHook('preHandler', enforceAccess);
  refuseNulCharacters(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await registerOpenApi(app);
  for (const register of ROUTE_MODULES) await register(app);

  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIR, wildcard: false, index: false });

  await app.ready();
  return Object.assign(app, { routeInfo: routes });
}

export type OutsightApp = Awaited<ReturnType<typeof buildApp>>;
