// `lectern centre` run as a user runs it: the real CLI in a child process, against a real
// pouchdb-server, and against two tiny loopback servers of our own that answer 500 and malformed
// JSON. Exit statuses 0/1/2, one clear line, no stack trace, and never the password in the output.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startCentreServer, type CentreServer } from '../../support/centre-server.ts';
import { basic, sessionDoc } from './centre-fixture.ts';

const BIN = fileURLToPath(new URL('../../../packages/cli/bin/lectern.mjs', import.meta.url));
const ADMIN_PASSWORD = 'mật-khẩu-máy-chủ-Ư';
const HEAD = { name: 'trưởng.khoa', password: 'khóa:quản-trị' };
const AN = { name: 'nguyễn.văn.an', password: 'mật khẩu của An' };
const SECRETS = [ADMIN_PASSWORD, HEAD.password, AN.password, 'sai-mật-khẩu'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (the fake servers below live in this process). */
function lectern(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      for (const secret of SECRETS) {
        expect(stdout + stderr, 'a password was printed').not.toContain(secret);
      }
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
      resolve({ code, stdout, stderr });
    });
  });
}

let server: CentreServer;
let admin: string;
const fakes: Server[] = [];

async function fakeServer(answer: (res: import('node:http').ServerResponse) => void): Promise<string> {
  const port = await freePort();
  const fake = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => fake.listen(port, '127.0.0.1', resolve));
  fakes.push(fake);
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  server = await startCentreServer({ admin: { name: 'quantri', password: ADMIN_PASSWORD } });
  admin = `quantri:${ADMIN_PASSWORD}`;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  for (const fake of fakes) fake.close();
});

describe('lectern centre', () => {
  it('sets up a server, adds users, and prints the whole-centre report in Vietnamese and as CSV', async () => {
    const setup = await lectern(['centre', 'setup', '--server', server.url, '--admin', admin, '--lang', 'vi']);
    expect(setup.code).toBe(0);
    expect(setup.stderr).toMatch(/pouchdb-server đã sẵn sàng/);
    const again = await lectern(['centre', 'setup', '--server', server.url, '--admin', admin]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/\(0 change\(s\)\)/);

    const head = await lectern(['centre', 'add-user', HEAD.name, '--password', HEAD.password, '--admin', '--server', server.url, '--admin-auth', 'quantri'], { LECTERN_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(head.code).toBe(0);
    // On pouchdb-server the lecturer databases get no write rule (pouchdb-server#272), and add-user says so.
    expect(head.stderr).toBe(
      `added centre administrator ${HEAD.name}\nnote: on pouchdb-server the lecturer's database is guarded by its member list only (with the write rule, pouchdb-server drops synced edits); run a real centre on Apache CouchDB 3\n`,
    );
    const an = await lectern(['centre', 'add-user', AN.name, '--server', server.url, '--admin-auth', admin], { LECTERN_PASSWORD: AN.password });
    expect(an.code).toBe(0);

    // An's classes, written as An (what the app's replication does).
    const docs = [
      { ...sessionDoc(AN.name, 's1', { date: '2026-02-01', cohort: 'new-members', learners: 492, minutes: 90, deckTitle: 'Đường lối đổi mới' }), deckId: 'doi-moi' },
      { ...sessionDoc(AN.name, 's2', { date: '2026-03-01', cohort: 'candidates', learners: 721, minutes: 120, deckTitle: 'Đường lối đổi mới' }), deckId: 'doi-moi' },
    ];
    const put = await fetch(`${server.url}/lectern-u-${Buffer.from(AN.name).toString('hex')}/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: basic(AN), 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    expect(put.status).toBe(201);

    const report = await lectern(['centre', 'report', '--server', server.url, '--user', HEAD.name, '--password', HEAD.password, '--from', '2026-01-01', '--to', '2026-06-30', '--lang', 'vi']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Báo cáo toàn trung tâm, 6 tháng đầu năm 2026');
    expect(report.stdout).toContain('Tổng cộng: 2 lớp, 1.213 học viên, 210 phút');
    expect(report.stdout).toContain('  Đảng viên mới: 1 lớp, 492 học viên, 90 phút');
    expect(report.stdout).toContain('  Đối tượng kết nạp Đảng: 1 lớp, 721 học viên, 120 phút');
    expect(report.stdout).toContain(`  ${AN.name}: 2 lớp, 1.213 học viên, 210 phút`);
    expect(report.stdout).toContain(`  ${HEAD.name}: 0 lớp, 0 học viên, 0 phút`);

    const csv = await lectern(['centre', 'report', '--server', server.url, '--user', HEAD.name, '--from', '2026-01-01', '--to', '2026-06-30', '--csv', '--lang', 'vi'], { LECTERN_PASSWORD: HEAD.password });
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFPhần,Tên,Số lớp,Số học viên,Số phút\r\n')).toBe(true);
    expect(csv.stdout).toContain('Tổng cộng,6 tháng đầu năm 2026,2,1213,210\r\n');
    expect(csv.stdout).toContain(`Giảng viên,${AN.name},2,1213,210\r\n`);
    expect(csv.stdout).toContain('Bài giảng,Đường lối đổi mới,2,1213,210\r\n');
  });

  it('exits 1 on a wrong password and for a user who is not an administrator', async () => {
    const wrong = await lectern(['centre', 'report', '--server', server.url, '--user', HEAD.name, '--password', 'sai-mật-khẩu', '--from', '2026-01-01', '--to', '2026-06-30']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(`lectern centre report: the server refused the user name or password (${HEAD.name})\n`);
    const lecturer = await lectern(['centre', 'report', '--server', server.url, '--user', AN.name, '--password', AN.password, '--from', '2026-01-01', '--to', '2026-06-30']);
    expect(lecturer.code).toBe(1);
    expect(lecturer.stderr).toMatch(/is not a centre administrator/);
    const notServerAdmin = await lectern(['centre', 'add-user', 'ai.đó', '--password', 'x', '--server', server.url, '--admin-auth', `${HEAD.name}:${HEAD.password}`]);
    expect(notServerAdmin.code).toBe(1);
    expect(notServerAdmin.stderr).toMatch(/is not the server administrator/);
    const badSetup = await lectern(['centre', 'setup', '--server', server.url, '--admin', 'quantri:sai-mật-khẩu']);
    expect(badSetup.code).toBe(1);
  });

  it('exits 2 with one line when the server is down, answers 500 or answers malformed JSON', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const stopped = await lectern(['centre', 'report', '--server', down, '--user', HEAD.name, '--password', HEAD.password, '--from', '2026-01-01', '--to', '2026-06-30']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toBe(`lectern centre report: cannot reach the server at ${down}\n`);

    const failing = await fakeServer((res) => {
      res.writeHead(500, { 'Content-Type': 'text/html' });
      res.end('<h1>Internal Server Error</h1>');
    });
    const five = await lectern(['centre', 'setup', '--server', failing, '--admin', admin]);
    expect(five.code).toBe(2);
    expect(five.stderr).toBe('lectern centre setup: the server reported an error (500); try again later\n');

    const garbled = await fakeServer((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"couchdb": "Welcome", "userCtx": ');
    });
    const malformed = await lectern(['centre', 'report', '--server', garbled, '--user', HEAD.name, '--password', HEAD.password, '--from', '2026-01-01', '--to', '2026-06-30', '--lang', 'vi']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toBe('lectern centre report: máy chủ trả lời không như CouchDB (200); kiểm tra lại địa chỉ máy chủ\n');
  });

  it('exits 2 on bad arguments without quoting them back', async () => {
    // --admin is a flag for add-user: the credentials typed after it must not be printed.
    const misplaced = await lectern(['centre', 'add-user', AN.name, `quantri:${ADMIN_PASSWORD}`, '--admin', '--server', server.url]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr.split('\n')[0]).toBe('lectern centre add-user: give exactly one user NAME');
    const badDate = await lectern(['centre', 'report', '--server', server.url, '--user', HEAD.name, '--password', HEAD.password, '--from', '2026-02-30', '--to', '2026-06-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr.split('\n')[0]).toBe('lectern centre report: --from must be a real date, YYYY-MM-DD (2026-01-01)');
    const withCredentials = await lectern(['centre', 'setup', '--server', `http://quantri:${ADMIN_PASSWORD}@127.0.0.1:1`, '--admin', admin]);
    expect(withCredentials.code).toBe(2);
    const noPassword = await lectern(['centre', 'report', '--server', server.url, '--user', HEAD.name, '--from', '2026-01-01', '--to', '2026-06-30']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr.split('\n')[0]).toBe('lectern centre report: --password is missing');
    const unknown = await lectern(['centre', 'report', `--pasword=${HEAD.password}`]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('lectern centre report: unknown option --pasword for this command');
  });
});
