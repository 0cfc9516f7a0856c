import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { User, UserUpdate } from '../../../shared/contracts/users.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as service from './users.service.ts';

const tags = ['users'];

export function registerUserRoutes(app: App) {
  app.get('/api/v1/users', { config: { access: 'user.read' }, schema: { tags, summary: 'List users', response: { 200: Page(User) } } }, async (req) => ({
    items: await service.listUsers(ctxOf(req)),
    nextCursor: null,
  }));
  app.patch(
    '/api/v1/users/:id',
    { config: { access: 'user.manage' }, schema: { tags, summary: 'Change a user (name, role, vendor, disabled)', params: IdParams, body: UserUpdate, response: { 200: User } } },
    (req) => service.updateUser(ctxOf(req), parseId(req.params.id, 'user'), req.body),
  );
}
