/**
 * `kartochka-server keys …`: API keys from the command line, on the database directly (a SQLite
 * file or a `postgres://` URL; the server may be running: a new key works on its next request).
 *
 *   kartochka-server keys create --db ./cards.sqlite --role editor [--role doctor] [--tenant acme] [--name anna]
 *   kartochka-server keys list   --db ./cards.sqlite [--tenant acme]
 *   kartochka-server keys revoke --db ./cards.sqlite <id>
 */
import { parseArgs } from 'node:util';
import { KeyStore } from './auth/keys.js';
import { defaultDb, openStore } from './open-store.js';
import { DEFAULT_TENANT } from './sqlite-store.js';

export const KEYS_HELP = `Usage: kartochka-server keys create --db <file|url> --role <role> [--role <role>…] [--tenant <t>] [--name <author>]
       kartochka-server keys list   --db <file|url> [--tenant <t>]
       kartochka-server keys revoke --db <file|url> <key id>
Roles: admin (publish, delete, keys, audit), editor (create and edit cards), viewer (read),
plus any of your own for x-access field rules. The key is printed once; only its hash is stored.`;

export async function keysCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string', default: defaultDb() },
      role: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      name: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const store = await openStore(values.db);
  try {
    const keys = new KeyStore(store.keyRows());
    if (sub === 'create') {
      const roles = (values.role ?? [])
        .flatMap((r) => r.split(','))
        .map((r) => r.trim())
        .filter(Boolean);
      const created = await keys.create({ tenant: values.tenant ?? DEFAULT_TENANT, roles, name: values.name });
      console.log(created.key);
      console.error(
        `Created key ${created.id} (tenant ${created.tenant}, roles ${created.roles.join(',')}, author "${created.name}"). Store it now: it is not shown again.`,
      );
    } else if (sub === 'list') {
      for (const k of await keys.list(values.tenant)) {
        console.log([k.id, k.tenant, k.roles.join(','), k.name, k.createdAt, k.revokedAt ? `revoked ${k.revokedAt}` : 'active'].join('\t'));
      }
    } else if (sub === 'revoke') {
      const id = positionals[0];
      if (!id) throw new Error('keys revoke needs the key id (see keys list).');
      if (!(await keys.revoke(id))) throw new Error(`no active key "${id}".`);
      console.log(`Revoked key ${id}.`);
    } else {
      throw new Error(`unknown keys command "${sub ?? ''}".\n${KEYS_HELP}`);
    }
  } finally {
    await store.close();
  }
}
