// Bearer JWTs against the real server process and a real JWKS endpoint served over loopback HTTP
// by this test (keys generated with jose): a good token signs in with the role, tenant and author
// from its claims; an expired one, a wrong issuer or audience, a foreign key and `alg: none` get 401.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { card } from '@kartochka/storage/conformance';
import { as, CONFORMANCE_SCHEMAS, hook, startServer, tempDb, type ServerProcess } from './test-support/process.js';

const ISSUER = 'https://login.example.test/realms/clinic';
const AUDIENCE = 'kartochka-api';

describe('JWT bearer tokens checked against a JWKS (real server process)', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  let jwks: Server;
  let signing: CryptoKey;
  let foreign: CryptoKey;
  let jwksHits = 0;

  before(async () => {
    const pair = await generateKeyPair('ES256');
    signing = pair.privateKey;
    foreign = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = createServer((req, res) => {
      jwksHits++;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`;
    server = await startServer({
      db: tmp.db,
      args: [
        '--jwks-url',
        jwksUrl,
        '--jwt-issuer',
        ISSUER,
        '--jwt-audience',
        AUDIENCE,
        '--jwt-roles-claim',
        'realm_access.roles',
        '--jwt-tenant-claim',
        'org',
      ],
    });
    // The tokens' tenant ("clinic") needs the card's schema published; its editors may not publish.
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS, tenants: ['clinic'] });
  });
  after(async () => {
    await server.kill('SIGTERM');
    await new Promise((r) => jwks.close(r));
    await tmp.cleanup();
  });

  const token = (over: { key?: CryptoKey; iss?: string; aud?: string; exp?: string | number; claims?: object } = {}) =>
    new SignJWT({ realm_access: { roles: ['editor', 'doctor'] }, org: 'clinic', ...over.claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('dr.house@clinic')
      .setIssuer(over.iss ?? ISSUER)
      .setAudience(over.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(over.exp ?? '5m')
      .sign(over.key ?? signing);

  it('signs in with the roles, tenant and author taken from the configured claims', async () => {
    const call = as(server, await token());
    const res = await call('/cards/c-1', { method: 'PUT', json: { ...card('c-1'), author: 'CEO' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.author, 'dr.house@clinic');
    assert.equal((await call('/cards/c-1', { method: 'DELETE' })).status, 403, 'an editor, not an admin');
    assert.equal((await as(server, undefined)('/cards')).status, 401, 'configured JWT turns the open mode off');
    const other = as(server, await token({ claims: { org: 'other' } }));
    assert.equal((await other('/cards/c-1')).status, 404, 'the tenant comes from the claim');
    assert.ok(jwksHits >= 1, 'the keys came from the JWKS endpoint');
  });

  it('answers 401 to an expired token, a wrong issuer or audience, a foreign key, alg none and a missing tenant', async () => {
    const none =
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url') +
      '.' +
      Buffer.from(
        JSON.stringify({
          sub: 'x',
          iss: ISSUER,
          aud: AUDIENCE,
          org: 'clinic',
          realm_access: { roles: ['admin'] },
          exp: Math.floor(Date.now() / 1000) + 300,
        }),
      ).toString('base64url') +
      '.';
    const cases: [string, string][] = [
      ['expired', await token({ exp: Math.floor(Date.now() / 1000) - 3600 })],
      ['wrong issuer', await token({ iss: 'https://evil.example.test' })],
      ['wrong audience', await token({ aud: 'another-api' })],
      ['foreign key', await token({ key: foreign })],
      ['alg none', none],
      ['no tenant claim', await token({ claims: { org: undefined } })],
    ];
    for (const [what, t] of cases) {
      const res = await as(server, t)('/cards');
      assert.equal(res.status, 401, what);
      assert.equal(res.body.error.code, 'unauthorized', what);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="kartochka"');
    }
  });
});
