// `lectern centre setup | add-user | report`: a training centre's sync server (docs/centre-server.md).
// The work is @lectern/centre's (setupCentre, addUser, centreReport); this module reads the
// arguments, says what happened in one line, and maps failures to exit statuses: 1 refused (wrong
// password, not allowed), 2 unreachable, a reply that is not CouchDB's, or bad usage.
//
// Passwords: taken from the arguments or the environment (LECTERN_PASSWORD, LECTERN_ADMIN_PASSWORD),
// never printed. Arguments are read without echoing their text in errors, because a mistyped
// command line (`--admin quantri:mật-khẩu` where --admin is a flag) may hold one.
import { parseArgs } from 'node:util';
import { addUser, appOrigin, CentreServerError, centreReport, parseCredentials, setupCentre, type Credentials } from '@lectern/centre';
import { checkPeriod, cohortLabel, describePeriod, reportCsv, type Period, type Tally } from '@lectern/teaching';
import { centreMessages, type CentreProblem } from '../centre-messages.ts';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, langOf, type CliIO } from '../io.ts';
import { formatCliNumber } from '../messages.ts';
import { untrusted } from '../terminal-text.ts';

type Spec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
type Values = Record<string, string | boolean | string[] | undefined>;

const SPECS: Record<'setup' | 'add-user' | 'report', Spec> = {
  setup: { server: { type: 'string' }, admin: { type: 'string' }, 'app-origin': { type: 'string', multiple: true } },
  'add-user': { server: { type: 'string' }, 'admin-auth': { type: 'string' }, password: { type: 'string' }, admin: { type: 'boolean' } },
  report: { server: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'boolean' } },
};

class Usage extends Error {}

/** Reads `args` against `spec` without letting Node's parser quote an argument back. */
function readArgs(args: string[], spec: Spec, m: ReturnType<typeof centreMessages>): { values: Values; positionals: string[] } {
  const { tokens } = parseArgs({ args, options: spec, strict: false, allowPositionals: true, tokens: true });
  const values: Values = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = spec[token.name];
    const shown = `--${token.name}`.slice(0, 40);
    if (!option) throw new Usage(m.unknownOption(shown));
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new Usage(m.unknownOption(shown));
      values[token.name] = true;
    } else {
      if (token.value === undefined || token.value === '') throw new Usage(m.needsValue(shown));
      if (option.multiple) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
      else values[token.name] = token.value;
    }
  }
  return { values, positionals };
}

function required(values: Values, name: string, m: ReturnType<typeof centreMessages>): string {
  const value = values[name];
  if (typeof value !== 'string') throw new Usage(m.missing(`--${name}`));
  return value;
}

/** `--admin USER:PASSWORD`, or `--admin USER` with the password in LECTERN_ADMIN_PASSWORD. */
function adminCredentials(values: Values, option: string, env: NodeJS.ProcessEnv, m: ReturnType<typeof centreMessages>): Credentials {
  const text = required(values, option, m);
  if (!text.includes(':') && env.LECTERN_ADMIN_PASSWORD) return { name: text, password: env.LECTERN_ADMIN_PASSWORD };
  const credentials = parseCredentials(text);
  if (!credentials) throw new Usage(m.credentials(`--${option}`));
  return credentials;
}

function password(values: Values, env: NodeJS.ProcessEnv, m: ReturnType<typeof centreMessages>): string {
  const given = values.password;
  if (typeof given === 'string') return given;
  if (env.LECTERN_PASSWORD) return env.LECTERN_PASSWORD;
  throw new Usage(m.missing('--password'));
}

function period(values: Values, m: ReturnType<typeof centreMessages>): Period {
  const from = required(values, 'from', m);
  const to = required(values, 'to', m);
  const problems = checkPeriod({ from, to });
  if (problems.includes('from-invalid')) throw new Usage(m.badDate('--from'));
  if (problems.includes('to-invalid')) throw new Usage(m.badDate('--to'));
  if (problems.includes('end-before-start')) throw new Usage(m.endBeforeStart);
  return { from, to };
}

export async function runCentre(args: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = langOf(io);
  const m = centreMessages(lang);
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout(m.usage);
    return EXIT_OK;
  }
  const usage = (problem: string) => {
    io.stderr(`lectern centre${sub && sub in SPECS ? ` ${sub}` : ''}: ${problem}\n\n${m.usage}`);
    return EXIT_USAGE;
  };
  if (sub === undefined) return usage(m.noSubcommand);
  if (!(sub in SPECS)) return usage(m.unknownSubcommand(untrusted(sub.slice(0, 40))));
  const command = sub as keyof typeof SPECS;
  let server = '';
  let who = '';
  try {
    const { values, positionals } = readArgs(rest, SPECS[command], m);
    server = required(values, 'server', m);
    if (command === 'setup') {
      if (positionals.length > 0) throw new Usage(m.noPositional);
      const admin = adminCredentials(values, 'admin', env, m);
      who = admin.name;
      const origins = ((values['app-origin'] as string[] | undefined) ?? []).map(appOrigin);
      if (origins.some((o) => o === null)) throw new Usage(m.badOrigin);
      const result = await setupCentre({ server, admin, appOrigins: origins as string[] });
      io.stderr(`${m.setupDone(result.kind, result.changed.length)}\n`);
      if (result.warnings.includes('require-valid-user')) io.stderr(`${m.requireValidUser}\n`);
      return EXIT_OK;
    }
    if (command === 'add-user') {
      if (positionals.length !== 1) throw new Usage(m.oneName);
      const name = positionals[0]!;
      const adminAuth = adminCredentials(values, 'admin-auth', env, m);
      who = adminAuth.name;
      const admin = values.admin === true;
      const result = await addUser({ server, adminAuth, name, password: password(values, env, m), admin });
      io.stderr(`${(result.created ? m.userAdded : m.userUpdated)(untrusted(name), admin)}\n`);
      if (result.warnings.includes('no-owner-rule')) io.stderr(`${m.noOwnerRule}\n`);
      return EXIT_OK;
    }
    if (positionals.length > 0) throw new Usage(m.noPositional);
    who = required(values, 'user', m);
    const user = { name: who, password: password(values, env, m) };
    const wanted = period(values, m);
    const result = await centreReport({ server, user, period: wanted });
    const lecturers = result.lecturers.map((l) => ({ name: l.name, total: l.report.total }));
    if (values.csv === true) {
      (io.stdoutData ?? io.stdout)(reportCsv(result.report, result.cohorts, lang, lecturers));
    } else {
      const n = (value: number) => formatCliNumber(value, lang);
      const tally = (t: Tally) => m.tally(n(t.classes), n(t.learners), n(t.minutes));
      const byId = new Map(result.cohorts.map((c) => [c.id, c]));
      const lines = [
        m.reportTitle(describePeriod(wanted, lang)),
        `${m.total}: ${tally(result.report.total)}`,
        m.byCohort,
        ...result.report.cohorts.map((row) => `  ${untrusted(cohortLabel(byId.get(row.cohortId), row.cohortId, lang))}: ${tally(row)}`),
        m.byLecturer,
        ...lecturers.map((row) => `  ${untrusted(row.name)}: ${tally(row.total)}`),
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    if (result.skipped > 0) io.stderr(`${m.skipped(result.skipped)}\n`);
    if (result.unreadable.length > 0) io.stderr(`${m.unreadable(result.unreadable.map(untrusted).join(', '))}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof Usage) return usage(error.message);
    if (!(error instanceof CentreServerError)) throw error;
    const problem: CentreProblem =
      error.code === 'forbidden' ? (command === 'report' ? 'not-centre-admin' : 'not-server-admin') : error.code;
    const detail = problem === 'unreachable' ? server : problem === 'server-error' || problem === 'bad-reply' ? String(error.details.status ?? '?') : who;
    io.stderr(`lectern centre ${command}: ${m.problem[problem](untrusted(detail))}\n`);
    return problem === 'refused' || problem === 'not-server-admin' || problem === 'not-centre-admin' ? EXIT_ERRORS : EXIT_USAGE;
  }
}
