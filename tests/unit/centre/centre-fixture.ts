// A centre on a real pouchdb-server for the centre tests: `lectern centre setup` done, one
// centre administrator and two lecturers added (Vietnamese names, as a centre has them), and a
// raw HTTP helper acting as any of them, so every rule is seen as the server applies it.
import { addUser, setupCentre, userDbName } from '@lectern/centre';
import { startCentreServer, type CentreServer } from '../../support/centre-server.ts';

export interface Person {
  name: string;
  password: string;
}

export const headOfFaculty: Person = { name: 'trưởng.khoa', password: 'khóa-quản-trị 1' };
export const an: Person = { name: 'nguyễn.văn.an', password: 'mật khẩu của An' };
export const binh: Person = { name: 'trần.thị.bình', password: 'mật:khẩu:Bình' };

export interface Centre {
  server: CentreServer;
  /** A request as `who` (undefined: anonymous). */
  as(who: Person | undefined, method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: any }>; // any: replies are read field by field in assertions
  dbOf(who: Person): string;
}

export function basic(who: Person): string {
  return 'Basic ' + Buffer.from(`${who.name}:${who.password}`).toString('base64');
}

export async function startCentre(): Promise<Centre> {
  const server = await startCentreServer();
  await setupCentre({ server: server.url, admin: server.admin });
  const adminAuth = server.admin;
  await addUser({ server: server.url, adminAuth, name: headOfFaculty.name, password: headOfFaculty.password, admin: true, strictOnPouchdbServer: true });
  await addUser({ server: server.url, adminAuth, name: an.name, password: an.password, admin: false, strictOnPouchdbServer: true });
  await addUser({ server: server.url, adminAuth, name: binh.name, password: binh.password, admin: false, strictOnPouchdbServer: true });
  return {
    server,
    dbOf: (who) => userDbName(who.name),
    async as(who, method, path, body, contentType = 'application/json') {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (who) headers.Authorization = basic(who);
      if (body !== undefined) headers['Content-Type'] = contentType;
      const reply = await fetch(server.url + path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await reply.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // kept as text
      }
      return { status: reply.status, body: parsed };
    },
  };
}

const NOW = '2026-03-02T08:00:00.000Z';

/** A session document as the app writes it. */
export function sessionDoc(owner: string, id: string, fields: { date: string; cohort: string; learners: number; minutes?: number; deckTitle?: string }) {
  return {
    _id: `session:${id}`,
    type: 'session',
    owner,
    sessionId: id,
    deckTitle: fields.deckTitle ?? 'Chủ nghĩa Mác-Lênin',
    date: fields.date,
    className: 'Lớp K12',
    cohort: fields.cohort,
    learners: fields.learners,
    minutes: fields.minutes ?? 90,
    createdAt: NOW,
    updatedAt: NOW,
  };
}
