// The connection to a centre server, against a real pouchdb-server process on loopback. Node's
// fetch keeps no cookies, so a login here also proves the in-memory password fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDbName } from '@lectern/centre';
import { CentreConnection, CentreError, normalizeServer } from '../../../src/sync/connection.ts';
import { freePort, startCentreServer, type CentreServer } from '../../support/centre-server.ts';
import { CentreFixture } from '../../support/centre-ui-fixture.ts';

let server: CentreServer;
const lecturer = { name: 'nguyễn.văn.an', password: 'mật khẩu của An' };

beforeAll(async () => {
  server = await startCentreServer();
  await (await CentreFixture.setup(server)).addUser(lecturer);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function failure(promise: Promise<unknown>): Promise<CentreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CentreError);
  return error as CentreError;
}

describe('CentreConnection', () => {
  it('logs in with a Vietnamese user name and knows who it is', async () => {
    const connection = await CentreConnection.login(server.url + '/', lecturer.name, lecturer.password);
    expect(connection.server).toBe(server.url);
    expect(await connection.currentUser()).toBe(lecturer.name);
    expect(await connection.isCentreAdmin()).toBe(false);
  });

  it('logs in with the user name typed in decomposed Unicode (NFD) as the same, NFC, user', async () => {
    const typed = `  ${lecturer.name.normalize('NFD')} `;
    expect(typed.trim()).not.toBe(lecturer.name);
    const connection = await CentreConnection.login(server.url, typed, lecturer.password);
    expect(connection.user).toBe(lecturer.name);
    expect(await connection.currentUser()).toBe(lecturer.name);
    expect(connection.ownDbUrl).toBe(`${server.url}/${userDbName(lecturer.name)}`);
  });

  it('refuses a wrong password', async () => {
    expect((await failure(CentreConnection.login(server.url, lecturer.name, 'sai'))).code).toBe('refused');
  });

  it('says the server is unreachable when nothing listens', async () => {
    const port = await freePort();
    expect((await failure(CentreConnection.login(`http://127.0.0.1:${port}`, lecturer.name, 'x'))).code).toBe('unreachable');
  });

  it('refuses addresses that are not plain http(s) URLs', () => {
    for (const bad of ['ftp://x', 'javascript:alert(1)', 'http://u:p@host', 'không phải địa chỉ']) {
      expect(() => normalizeServer(bad)).toThrow(CentreError);
    }
    expect(normalizeServer(' https://couch.trungtam.vn/db/ ')).toBe('https://couch.trungtam.vn/db');
  });

  it('never sends its credentials to another server', async () => {
    const connection = await CentreConnection.login(server.url, lecturer.name, lecturer.password);
    expect((await failure(connection.fetch('http://127.0.0.2:1/x'))).code).toBe('bad-address');
  });
});
