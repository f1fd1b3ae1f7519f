/**
 * Where the demo keeps cards: IndexedDB in this browser (the default, works offline) or the
 * reference REST server. The choice is remembered; the first run stores each template's schema and
 * a sample card so there is something to open.
 */
import { ForbiddenError, IndexedDbAdapter, RestAdapter, NotFoundError, type StorageAdapter, type SchemaVersion } from '@kartochka/storage';
import type { CardTemplate } from '@kartochka/templates';
import { templateCardSettings } from '@kartochka/templates';
import { cardRecordFields, type JsonValue } from '@kartochka/core';
import { withUploadedFiles } from '@kartochka/elements/persistence';
import { demoTemplates, sampleId } from './templates.js';

export type Backend = 'idb' | 'rest';

export function chosenBackend(): Backend {
  return localStorage.getItem('kc-demo-backend') === 'rest' ? 'rest' : 'idb';
}

export function chooseBackend(b: Backend): void {
  localStorage.setItem('kc-demo-backend', b);
}

/** The REST server's API root: `?api=…`, else the port `npm start` runs it on. */
export function restUrl(): string {
  const fromQuery = new URLSearchParams(location.search).get('api');
  if (fromQuery) return fromQuery;
  return `${location.protocol}//${location.hostname}:${Number(location.port || 80) + 1}/api`;
}

/**
 * The signed-in user of the demo (a name; in REST mode one of the server's demo users, with a key).
 * Adapters carry it, so drafts and unsent saves are kept per user and sign-out can clear them.
 */
export function signedInUser(): string {
  return localStorage.getItem('kc-demo-user') ?? 'demo';
}

/** `''` signs out (kept as an empty name, so a reload does not sign the default user back in). */
export function setSignedInUser(user: string): void {
  localStorage.setItem('kc-demo-user', user);
}

/** A user of the demo's REST server: `npm start` makes their API keys (demo-users.json beside the page). */
export interface DemoUser {
  name: string;
  roles: string[];
  key: string;
}

let demoUsers: DemoUser[] = [];

/** Loads the REST server's demo users; none (free sign-in, open server) when the page has no list. */
export async function loadDemoUsers(): Promise<DemoUser[]> {
  try {
    const res = await fetch(new URL('demo-users.json', location.href));
    demoUsers = res.ok ? ((await res.json()) as DemoUser[]) : [];
  } catch {
    demoUsers = [];
  }
  return demoUsers;
}

/** The signed-in demo user's roles in REST mode (the card hides and locks fields by them). */
export function rolesOf(b: Backend, user: string): string[] | undefined {
  return b === 'rest' ? demoUsers.find((u) => u.name === user)?.roles : undefined;
}

export async function openBackend(b: Backend, user: string): Promise<StorageAdapter> {
  if (b === 'rest') {
    // The user's own key: the server knows who saves (author, role, tenant), never the page.
    const token = demoUsers.find((u) => u.name === user)?.key;
    return new RestAdapter({ baseUrl: restUrl(), attempts: 3, timeoutMs: 5000, user, token });
  }
  return IndexedDbAdapter.open({ name: 'kartochka-demo', user });
}

/** The latest published version of a template's schema, publishing the template's own first. */
export async function latestSchema(storage: StorageAdapter, t: CardTemplate<unknown>): Promise<SchemaVersion> {
  try {
    return await storage.getSchema(t.id);
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    return storage.publishSchema({
      schemaId: t.id,
      schema: t.schema,
      layout: t.layout as object,
      messages: t.messages as object,
      note: 'template',
    });
  }
}

/** First run: every template's schema and its sample card. */
export async function seed(storage: StorageAdapter): Promise<void> {
  for (const t of demoTemplates) {
    // Publishing is an admin's: an editor signing in first on a fresh server seeds nothing.
    const version = await latestSchema(storage, t).catch((e: unknown) => {
      if (e instanceof ForbiddenError) return undefined;
      throw e;
    });
    if (!version) continue;
    try {
      await storage.get(sampleId(t));
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      const data = t.sample as JsonValue;
      // The B2B sample's contract copy is inline (as older cards held files): uploaded to the
      // server's file store first (REST), kept as a Blob (IndexedDB); the card references it.
      const record = await withUploadedFiles(storage, {
        id: sampleId(t),
        schemaId: t.id,
        schemaVersion: version.version,
        data,
        ...cardRecordFields(templateCardSettings(t), data),
      });
      await storage.put(record, { expectedRevision: 0, author: 'demo' });
    }
  }
}
