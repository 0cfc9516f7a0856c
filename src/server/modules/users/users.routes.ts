import { IdParams, Page, PageQuery } from '../../../shared/contracts/common.ts';
import { User, UserUpdate } from '../../../shared/contracts/users.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as service from './users.service.ts';

const tags = ['users'];

export function registerUserRoutes(app: App) {
  app.get('/api/v1/users', { config: { access: 'user.read' }, schema: { tags, summary: 'List users', querystring: PageQuery, response: { 200: Page(User) } } }, (req) =>
    service.listUsers(ctxOf(req), req.query),
  );
  app.patch(
    '/api/v1/users/:id',
    { config: { access: 'user.manage' }, schema: { tags, summary: 'Change a user (name, role, vendor, disabled)', params: IdParams, body: UserUpdate, response: { 200: User } } },
    (req) => service.updateUser(ctxOf(req), parseId(req.params.id, 'user'), req.body),
  );
}
