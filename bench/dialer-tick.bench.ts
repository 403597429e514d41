// A dialer tick with 100,000 contacts across campaigns and a limit of 200 (target < 20 ms).
import { createDialer } from '../server/dialer/dialer.ts';
import { machineLine, percentile } from './machine.ts';
import { seedLarge } from './seed-large.ts';

let t = Date.parse('2026-11-23T15:00:00Z');
const now = () => new Date(t);
const started = performance.now();
const { db } = seedLarge({ contacts: 100_000, campaigns: 5, limit: 200, now });
console.log(`seeded 100,000 contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const dialer = createDialer({ db, now, seed: 1, speed: 1 });
const samples: number[] = [];
// 30 simulated minutes at one tick a second: calls start, end, retry and get evaluated.
for (let i = 0; i < 1800; i++) {
  t += 1000;
  const s = performance.now();
  dialer.tick();
  samples.push(performance.now() - s);
}
samples.sort((a, b) => a - b);
const inFlight = (
  db.prepare("SELECT COUNT(*) n FROM attempts WHERE status = 'in_progress'").get() as { n: number }
).n;
const attempts = (db.prepare('SELECT COUNT(*) n FROM attempts').get() as { n: number }).n;
console.log(machineLine());
console.log(
  `dialer tick, 100k contacts, limit 200: median ${percentile(samples, 50).toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms, max ${samples.at(-1)!.toFixed(2)} ms over ${samples.length} ticks (${attempts} attempts, ${inFlight} in flight at the end)`,
);
