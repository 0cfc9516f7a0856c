import { z } from 'zod';
import { Me } from '../../../shared/contracts/auth.ts';
import { IdParams, OkResponse, Page, PageQuery } from '../../../shared/contracts/common.ts';
import { Invitation, InvitationAccept, InvitationCreate, InvitationCreated, InvitationPreview } from '../../../shared/contracts/users.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import { ctxOf, publicCtxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as service from './invitations.service.ts';

const tags = ['users'];
const TokenParams = z.object({ token: z.string().max(200) });

export function registerInvitationRoutes(app: App) {
  app.get(
    '/api/v1/invitations',
    { config: { access: 'user.manage' }, schema: { tags, summary: 'Pending invitations', querystring: PageQuery, response: { 200: Page(Invitation) } } },
    (req) => service.listInvitations(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/invitations',
    { config: { access: 'user.manage' }, schema: { tags, summary: 'Invite a user by one-time link', body: InvitationCreate, response: { 201: InvitationCreated } } },
    async (req, reply) => {
      reply.status(201);
      return service.createInvitation(ctxOf(req), req.body);
    },
  );
  app.delete(
    '/api/v1/invitations/:id',
    { config: { access: 'user.manage' }, schema: { tags, summary: 'Withdraw an invitation', params: IdParams, response: { 200: OkResponse } } },
    async (req) => {
      await service.revokeInvitation(ctxOf(req), parseId(req.params.id, 'invitation'));
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/invitations/by-token/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'What an invitation link offers', params: TokenParams, response: { 200: InvitationPreview } } },
    (req) => service.previewInvitation(publicCtxOf(req), req.params.token),
  );
  app.post(
    '/api/v1/invitations/by-token/:token/accept',
    { config: { access: 'public' }, schema: { tags, summary: 'Accept an invitation and sign in', params: TokenParams, body: InvitationAccept, response: { 200: Me } } },
    async (req, reply) => {
      const ctx = publicCtxOf(req);
      const { secret, me } = await service.acceptInvitation(ctx, req.params.token, req.body);
      setSessionCookie(req, reply, secret, ctx.config.session.absoluteMs);
      return me;
    },
  );
}
