/**
 * The admin-only routes: the tenant's audit log (`GET /api/audit`) and its API keys
 * (`GET/POST /api/keys`, `DELETE /api/keys/:id`). An admin sees and manages its own tenant only.
 */
import type { Context, Hono } from 'hono';
import { ValidationError, type StorageFieldError } from '@kartochka/storage';
import { principalOf, requireRole } from './auth/authenticate.js';
import type { KeyStore } from './auth/keys.js';
import type { CardStore } from './store.js';

export interface AdminRouteOptions {
  storeOf: (c: Context) => CardStore;
  keys?: KeyStore;
  readJson: (c: Context) => Promise<Record<string, unknown>>;
}

function bad(path: string, message: string): ValidationError {
  const e: StorageFieldError = { path, keyword: 'type', message, source: 'server' };
  return new ValidationError('?', [e]);
}

function count(c: Context, name: string, fallback: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,15}$/.test(raw)) throw bad('', `${name} must be a non-negative integer (got ${raw}).`);
  return Number(raw);
}

export function mountAdminRoutes(app: Hono, o: AdminRouteOptions): void {
  app.get('/api/audit', async (c) => {
    requireRole(c, 'manage');
    const items = await o.storeOf(c).audit({ after: count(c, 'after', 0), limit: Math.min(count(c, 'limit', 100), 1000) });
    return c.json({ items });
  });

  if (!o.keys) return;
  const keys = o.keys;

  app.get('/api/keys', async (c) => {
    requireRole(c, 'manage');
    return c.json({ items: await keys.list(principalOf(c).tenant) });
  });

  app.post('/api/keys', async (c) => {
    requireRole(c, 'manage');
    const body = await o.readJson(c);
    const roles = body.roles;
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) throw bad('/roles', 'roles must be a list of role names.');
    if (body.name !== undefined && typeof body.name !== 'string') throw bad('/name', 'name must be a string.');
    const me = principalOf(c);
    let created;
    try {
      created = await keys.create({ tenant: me.tenant, roles: roles as string[], name: body.name as string | undefined }, me.name);
    } catch (error) {
      if (error instanceof TypeError) throw bad('', error.message);
      throw error;
    }
    return c.json(created, 201);
  });

  app.delete('/api/keys/:id', async (c) => {
    requireRole(c, 'manage');
    const me = principalOf(c);
    const id = c.req.param('id');
    if (!(await keys.revoke(id, me.name, me.tenant))) {
      return c.json({ error: { code: 'not-found', message: `No active key "${id}" in your tenant.`, params: { id } } }, 404);
    }
    return c.json({ id, revoked: true });
  });
}
