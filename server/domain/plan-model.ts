// The planner's model (api-contract "Plan"), pure: the clock and the history are passed in.
// The work left is attempts in waves: wave j holds the j-th call still to come of each contact
// left, weighted by the campaign's observed chance of getting that far (a call that did not
// complete is retried until the attempt budget is spent). L lines make L × rate attempts per
// open hour. A wave is placed into the calling window after the one before it, and no sooner
// than the retry interval allows:
//   S1 = now, T1 = now;  Sj = max(E(j-1), S(j-1) + R), Tj = E(j-1) + R
//   Ej = the minute after max(place(Sj, Wj / (L × rate)), place(Tj, one call))
// (its first retries fall due R after the wave before began; its last R after that wave ended,
// and a call takes a line 1 / rate hours). Every step is non-decreasing in its inputs and the
// work per wave shrinks as lines grow, so the finish never increases with more lines.
// Simplifications: contacts waiting out a retry interval now count as due now; a contact in a
// call counts that call as still to make; one requeued beyond its budget counts as fresh.
import { PLAN_MAX_LINES, PLAN_MIN_ENDED_CALLS } from '../../contract/extensions.ts';
import { localDay, opening, placeWork, type Window } from './forecast.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Days of calling windows laid out once per plan; placements beyond walk them (placeWork). */
const HORIZON_DAYS = 63;

export type PlanHistory = {
  /** Ended calls of the campaign, ever. */
  ended: number;
  /** The rate's basis: ended calls and the line time (dial to hang-up) they took. */
  basisCalls: number;
  basisLineSeconds: number;
  basis: string;
  /** Ended and completed attempts by their place in the contact's history (1 = first call). */
  byAttemptNumber: readonly { attempt: number; ended: number; completed: number }[];
};

export type PlanInput = {
  schedule: Window | null;
  timezone: string;
  maxAttempts: number;
  retryIntervalMinutes: number;
  /** Contacts still to finish, keyed by the attempts they have made of their budget. */
  remainingByAttempts: ReadonlyMap<number, number>;
  history: PlanHistory;
};

export type PlanModel = {
  /** Expected attempts per wave (wave 1 = the next call of every contact left). */
  waves: number[];
  attemptsExpected: number;
  completionsExpected: number;
  perLineHour: number;
  basis: string;
  /** When the work is done with `lines` lines (ms, on a whole minute); null: never. */
  finish(lines: number): number | null;
};

/** Why a plan has no figures, or its model. */
export function planModel(input: PlanInput, now: Date): PlanModel | { reason: string } {
  const h = input.history;
  if (h.ended < PLAN_MIN_ENDED_CALLS) {
    return {
      reason: `fewer than ${PLAN_MIN_ENDED_CALLS} ended calls (${h.ended} so far): not enough history to plan`,
    };
  }
  const perLineHour = h.basisCalls / (Math.max(h.basisLineSeconds, h.basisCalls) / 3600);
  const { waves, completions } = expectedWaves(input);
  const R = input.retryIntervalMinutes * MINUTE;
  const placer = new Placer(input.schedule, input.timezone, now.getTime());
  const call = HOUR / perLineHour;
  const finish = (lines: number): number | null => {
    if (waves.length === 0) return null;
    const perMs = (lines * perLineHour) / HOUR;
    let start = now.getTime();
    let due = start;
    let end = 0;
    for (let j = 0; j < waves.length; j++) {
      if (j > 0) {
        due = end + R;
        start = Math.max(end, start + R);
      }
      const bulk = placer.place(start, waves[j]! / perMs);
      const last = placer.place(due, call);
      if (bulk === null || last === null) return null;
      end = ceilMinute(Math.max(bulk, last));
    }
    return end;
  };
  return {
    waves,
    attemptsExpected: waves.reduce((a, b) => a + b, 0),
    completionsExpected: completions,
    perLineHour,
    basis: h.basis,
    finish,
  };
}

/** The next whole minute (a finish within a millisecond of one is on it: float noise). */
export const ceilMinute = (ms: number) => Math.ceil((ms - 1) / MINUTE) * MINUTE;

/** The least lines (1..PLAN_MAX_LINES) that finish by `deadline`, null when even the most cannot. */
export function leastLines(finish: (lines: number) => number | null, deadline: number) {
  const meets = (lines: number) => {
    const at = finish(lines);
    return at !== null && at <= deadline;
  };
  if (!meets(PLAN_MAX_LINES)) return null;
  let lo = 1;
  let hi = PLAN_MAX_LINES;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (meets(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * finish(1), …, finish(upTo), asking finish as few times as it can: finishes never increase
 * with more lines, so where two line counts finish alike so does every count between them.
 * A plan reaches its earliest finish (one call after the last retry falls due) long before
 * the org limit, so at 1,000 lines this asks a few hundred instead of a thousand.
 */
export function finishTimes(
  finish: (lines: number) => number | null,
  upTo: number,
): (number | null)[] {
  if (upTo < 1) return [];
  const at = new Array<number | null>(upTo);
  at[0] = finish(1);
  at[upTo - 1] = finish(upTo);
  // at[lo] and at[hi] (0-based) are known: fill what lies between.
  const fill = (lo: number, hi: number) => {
    if (hi - lo < 2) return;
    if (at[lo] === at[hi]) {
      at.fill(at[lo] as number | null, lo + 1, hi);
      return;
    }
    const mid = (lo + hi) >> 1;
    at[mid] = finish(mid + 1);
    fill(lo, mid);
    fill(mid, hi);
  };
  fill(0, upTo - 1);
  return at;
}

/**
 * The observed chance that a call at each place in a contact's history does not complete
 * (pooled over all calls where that place has none yet), and the expected calls per wave.
 */
function expectedWaves(input: PlanInput): { waves: number[]; completions: number } {
  const M = input.maxAttempts;
  const rows = new Map(input.history.byAttemptNumber.map((r) => [r.attempt, r]));
  let ended = 0;
  let completed = 0;
  for (const r of input.history.byAttemptNumber) {
    ended += r.ended;
    completed += r.completed;
  }
  const pooled = ended === 0 ? 1 : (ended - completed) / ended;
  const notCompleted = (n: number) => {
    const r = rows.get(n);
    return r && r.ended > 0 ? (r.ended - r.completed) / r.ended : pooled;
  };
  const waves: number[] = [];
  let completions = 0;
  for (const [made, contacts] of input.remainingByAttempts) {
    let reach = contacts;
    for (let n = (made >= M ? 0 : made) + 1, j = 0; n <= M && reach > 0; n++, j++) {
      waves[j] = (waves[j] ?? 0) + reach;
      const miss = notCompleted(n);
      completions += reach * (1 - miss);
      reach *= miss;
    }
  }
  while (waves.length > 0 && waves.at(-1)! <= 0) waves.pop();
  return { waves, completions };
}

/**
 * placeWork from one origin, many times: the calling window's openings for the next
 * HORIZON_DAYS laid out once with the open time before each, so a placement is two binary
 * searches (a plan makes thousands). Beyond them it walks the window as placeWork does.
 */
export class Placer {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Open time before each opening, from the origin. */
  private readonly before: number[] = [];

  constructor(
    private readonly w: Window | null,
    private readonly timeZone: string,
    origin: number,
  ) {
    if (!w) return;
    const { day: first } = localDay(origin, timeZone);
    let open = 0;
    for (let day = first; day < first + HORIZON_DAYS * DAY; day += DAY) {
      const o = opening(w, timeZone, day);
      if (!o || o[1] <= origin) continue;
      const start = Math.max(o[0], origin);
      this.starts.push(start);
      this.ends.push(o[1]);
      this.before.push(open);
      open += o[1] - start;
    }
  }

  /** When `needMs` of open window has passed after `fromMs`; null for a window that never opens. */
  place(fromMs: number, needMs: number): number | null {
    if (!this.w) return fromMs + needMs;
    const n = this.ends.length;
    const i = firstIndex(n, 0, (k) => this.ends[k]! > fromMs);
    if (i === n) return placeWork(this.w, this.timeZone, fromMs, needMs);
    const target = this.before[i]! + Math.max(0, fromMs - this.starts[i]!) + needMs;
    const j = firstIndex(n, i, (k) => this.before[k]! + this.ends[k]! - this.starts[k]! >= target);
    if (j === n) return placeWork(this.w, this.timeZone, fromMs, needMs);
    return this.starts[j]! + (target - this.before[j]!);
  }
}

/** The first index in [lo, n) where `ok` holds (it holds from there on), or n. */
function firstIndex(n: number, lo: number, ok: (k: number) => boolean): number {
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
