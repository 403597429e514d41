// The report and the contact filters recomputed the slow, obvious way, for tests to compare.
import type { ContactQuery, Report } from '../../contract/extensions.ts';
import { fold, type Db } from '../db/schema.ts';

type RawContact = {
  id: string;
  external_id: string | null;
  status: string;
  attempt_count: number;
  data: string;
  phone_numbers: string;
};
type RawAttempt = {
  id: string;
  contact_id: string;
  status: string;
  started_at: string;
  ended_at: string | null;
  result: string | null;
};

/** Everything a report or a filter needs, read back plainly from the tables. */
export function load(db: Db, campaignId: string) {
  const contacts = db
    .prepare(
      'SELECT id, external_id, status, attempt_count, data, phone_numbers FROM contacts WHERE campaign_id = ? ORDER BY seq',
    )
    .all(campaignId) as RawContact[];
  const attempts = db
    .prepare(
      'SELECT id, contact_id, status, started_at, ended_at, result FROM attempts WHERE campaign_id = ? ORDER BY seq',
    )
    .all(campaignId) as RawAttempt[];
  return contacts.map((c) => {
    const own = attempts.filter((a) => a.contact_id === c.id);
    const ended = own.filter((a) => a.status !== 'in_progress');
    const latest = new Map<string, unknown>();
    for (const a of own) {
      for (const [k, v] of Object.entries(
        a.result ? (JSON.parse(a.result) as Record<string, unknown>) : {},
      ))
        latest.set(k, v);
    }
    return {
      ...c,
      attempts: own,
      ended,
      first: ended[0]?.status ?? null,
      last: ended.at(-1)?.status ?? null,
      latest,
    };
  });
}
export type Loaded = ReturnType<typeof load>[number];

/** The contract's filter semantics, written the slow obvious way. */
export function matches(c: Loaded, f: ContactQuery): boolean {
  const bucket = c.status === 'locked' ? 'in_progress' : c.status;
  if (f.status && !f.status.includes(bucket as never)) return false;
  if (f.search) {
    const strings = [
      c.external_id ?? '',
      ...Object.values(JSON.parse(c.data) as Record<string, unknown>).filter(
        (v) => typeof v === 'string',
      ),
    ];
    const digits = (JSON.parse(c.phone_numbers) as string[]).map((p) => p.slice(1));
    const needle = fold(f.search.trim());
    // A needle written like a phone number ("(415) 555") also matches on its digits.
    const needleDigits = /^[\d\s().+-]+$/.test(needle) ? needle.replace(/\D/g, '') : needle;
    if (
      !strings.some((s) => fold(s as string).includes(needle)) &&
      !digits.some((d) => d.includes(needle) || (needleDigits !== '' && d.includes(needleDigits)))
    )
      return false;
  }
  if (f.last_status && !f.last_status.includes((c.last ?? 'none') as never)) return false;
  if (f.first_status && !f.first_status.includes((c.first ?? 'none') as never)) return false;
  if (f.attempts && !f.attempts.includes(c.attempt_count)) return false;
  if (
    f.result &&
    !f.result.some(
      (r) =>
        String(c.latest.get(r.slice(0, r.indexOf(':')))) === r.slice(r.indexOf(':') + 1) &&
        c.latest.has(r.slice(0, r.indexOf(':'))),
    )
  )
    return false;
  return true;
}

const seconds = (a: RawAttempt) =>
  Math.round((Date.parse(a.ended_at!) - Date.parse(a.started_at)) / 1000);
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 100);

/** A rate card in 1/10,000 of its currency, as a test sets it. */
export type TestCard = { currency: string; per_minute: number; per_call: number };

/**
 * What each ended attempt was priced with: the card in force when it ended, known because the
 * test notes which attempts had ended each time it changed the card (`note`).
 */
export function cardHistory() {
  const cardOf = new Map<string, TestCard | null>();
  let current: TestCard | null = null;
  return {
    /** Gives every attempt that ended since the last note the card in force until now. */
    note(db: Db) {
      const ended = db.prepare("SELECT id FROM attempts WHERE status != 'in_progress'").all() as {
        id: string;
      }[];
      for (const { id } of ended) if (!cardOf.has(id)) cardOf.set(id, current);
    },
    /** The card from now on (call `note` first). */
    set(card: TestCard | null) {
      current = card;
    },
    get current() {
      return current;
    },
    cardOf: (attemptId: string) => cardOf.get(attemptId) ?? null,
  };
}

/** What the goal and cost parts of a report should say, recounted: `card` is the card now. */
type Outlook = {
  goal: { results: string[] } | null;
  card: TestCard | null;
  cardOf: (attemptId: string) => TestCard | null;
};

/** Cents, from an amount in 1/600,000 of the currency, as the report rounds. */
const cents = (units: number) => Math.round(units / 6000) / 100;

/** The report recomputed from scratch over the contacts that match. */
export function recompute(
  all: Loaded[],
  f: ContactQuery,
  outlook: Outlook = { goal: null, card: null, cardOf: () => null },
): Omit<Report, 'campaign_id' | 'generated_at'> {
  const contacts = all.filter((c) => matches(c, f));
  const attempts = contacts.flatMap((c) => c.attempts);
  const ended = attempts.filter((a) => a.status !== 'in_progress');
  const count = (s: string) => ended.filter((a) => a.status === s).length;
  const completedAttempts = ended.filter((a) => a.status === 'completed');
  const talk = completedAttempts.reduce((sum, a) => sum + seconds(a), 0);
  const completed = contacts.filter((c) => c.status === 'completed').length;
  const exhausted = contacts.filter((c) => c.status === 'exhausted').length;
  const reached = contacts.filter((c) => c.ended.length > 0).length;
  const numbers = new Map<number, { ended: number; completed: number }>();
  for (const c of contacts) {
    c.attempts.forEach((a, i) => {
      if (a.status === 'in_progress') return;
      const row = numbers.get(i + 1) ?? { ended: 0, completed: 0 };
      row.ended++;
      if (a.status === 'completed') row.completed++;
      numbers.set(i + 1, row);
    });
  }
  const keys = new Map<string, unknown[]>();
  for (const c of contacts) for (const [k, v] of c.latest) keys.set(k, [...(keys.get(k) ?? []), v]);
  const results = [...keys.keys()].sort().map((key) => {
    const values = keys.get(key)!;
    if (typeof values[0] === 'boolean') {
      return {
        key,
        type: 'boolean',
        count: values.length,
        true: values.filter((v) => v === true).length,
        false: values.filter((v) => v === false).length,
      };
    }
    if (typeof values[0] === 'number') {
      const nums = values as number[];
      return {
        key,
        type: 'number',
        count: nums.length,
        mean: Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 100) / 100,
        min: Math.min(...nums),
        max: Math.max(...nums),
      };
    }
    const tally = new Map<string, number>();
    for (const v of values as string[]) tally.set(v, (tally.get(v) ?? 0) + 1);
    const top = [...tally]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 20)
      .map(([value, n]) => ({ value, count: n }));
    return { key, type: 'string', count: values.length, values: top };
  });
  const unfinished = contacts.some((c) => ['pending', 'locked', 'in_progress'].includes(c.status));
  const lastEnd =
    ended
      .map((a) => a.ended_at!)
      .sort()
      .at(-1) ?? null;
  const answered = contacts.filter((c) => c.ended.some((a) => a.status === 'completed')).length;
  const goal = outlook.goal;
  const conversions = goal
    ? contacts.filter((c) =>
        goal.results.some((pair) => {
          const key = pair.slice(0, pair.indexOf(':'));
          return c.latest.has(key) && String(c.latest.get(key)) === pair.slice(key.length + 1);
        }),
      ).length
    : 0;
  // Whole units: per_call × 60 + per_minute × seconds, in 1/600,000 of the currency.
  const spent = ended.reduce((sum, a) => {
    const card = outlook.cardOf(a.id);
    if (!card) return sum;
    const perCall = Math.round(card.per_call * 10000);
    const perMinute = Math.round(card.per_minute * 10000);
    return sum + perCall * 60 + (a.status === 'completed' ? perMinute * seconds(a) : 0);
  }, 0);
  const per = (n: number) => (n === 0 ? null : Math.round(spent / n / 6000) / 100);
  return {
    started_at: attempts.map((a) => a.started_at).sort()[0] ?? null,
    completed_at: contacts.length > 0 && !unfinished ? lastEnd : null,
    contacts: { total: contacts.length, reached, completed, exhausted },
    attempts: {
      total: attempts.length,
      in_progress: attempts.length - ended.length,
      by_status: {
        completed: count('completed'),
        no_answer: count('no_answer'),
        busy: count('busy'),
        voicemail: count('voicemail'),
        failed: count('failed'),
      },
    },
    rates: {
      answer_rate: pct(count('completed'), ended.length),
      success_rate: pct(completed, completed + exhausted),
      reach_rate: pct(reached, contacts.length),
    },
    talk_time: {
      total_seconds: talk,
      average_seconds: completedAttempts.length
        ? Math.round(talk / completedAttempts.length)
        : null,
    },
    by_attempt_number: [...numbers]
      .sort((a, b) => a[0] - b[0])
      .map(([attempt, r]) => ({ attempt, ...r })),
    results: results as Report['results'],
    goal: goal && {
      results: goal.results,
      conversions,
      conversion_rate: pct(conversions, answered),
      answered,
    },
    cost: outlook.card && {
      currency: outlook.card.currency,
      total: cents(spent),
      per_completed_contact: per(completed),
      per_conversion: goal ? per(conversions) : null,
    },
  };
}
