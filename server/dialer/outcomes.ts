import type { AttemptStatus, ResultValue } from '../../contract/schemas.ts';
import type { Random } from './random.ts';

export type EndedStatus = Exclude<AttemptStatus, 'in_progress'>;

// Roughly half of the calls of a real outbound list are answered.
const MIX: Record<EndedStatus, number> = {
  completed: 47,
  no_answer: 25,
  voicemail: 12,
  busy: 10,
  failed: 6,
};

/** Simulated seconds each outcome lasts. */
const DURATION: Record<EndedStatus, [number, number]> = {
  completed: [60, 300],
  no_answer: [25, 40],
  voicemail: [20, 45],
  busy: [3, 8],
  failed: [1, 5],
};

export function planCall(random: Random): { status: EndedStatus; seconds: number } {
  const status = random.weighted(MIX);
  const [min, max] = DURATION[status];
  return { status, seconds: random.int(min, max) };
}

/** Simulated seconds between a call's end and its evaluation run completing. */
export const evaluationDelaySeconds = (random: Random) => random.int(20, 60);

export type Evaluation = { metric_key: string; results: Record<string, ResultValue> };

export function evaluate(random: Random): Evaluation[] {
  const interested = random.next() < 0.45;
  const evaluations: Evaluation[] = [
    {
      metric_key: 'qualification',
      results: { interested, budget_confirmed: interested && random.next() < 0.5 },
    },
    {
      metric_key: 'sentiment',
      results: { overall: random.pick(['positive', 'neutral', 'negative'] as const) },
    },
    { metric_key: 'quality', results: { score: random.int(interested ? 6 : 3, 10) } },
    {
      metric_key: 'next_step',
      results: {
        action: interested
          ? random.pick(['book_demo', 'send_pricing', 'callback'] as const)
          : random.pick(['none', 'do_not_call', 'callback'] as const),
      },
    },
  ];
  // Whoever asked not to be called is an opt-out the compliance check reports (no draw of the
  // random sequence, so seeded runs replay as before).
  if (evaluations[3]!.results.action === 'do_not_call')
    evaluations.push({ metric_key: 'compliance', results: { opt_out: true } });
  return evaluations;
}

/** Flattens evaluations to the attempt `result` keys: `<metric>.<criterion>`. */
const OPENERS = [
  'Hi {name}, this is Riley calling from Northwind.',
  'Hello {name}, Riley here from Northwind Energy.',
];
const REPLIES = [
  [
    'Oh hi, what is this about?',
    'We help teams cut their energy bill. Do you have two minutes?',
    'Sure, go ahead.',
  ],
  [
    'I am a bit busy right now.',
    'I understand. Could I call back at a better time?',
    'Tomorrow morning works.',
  ],
  [
    'We already have a provider.',
    'Many of our customers did too. May I send a comparison?',
    'Fine, email it over.',
  ],
];

export function transcript(random: Random, name: string, startMs: number, seconds: number) {
  const lines = [
    random.pick(OPENERS).replace('{name}', name),
    ...random.pick(REPLIES),
    'Thanks for your time, goodbye!',
  ];
  const step = (seconds * 1000) / (lines.length + 1);
  return lines.map((text, i) => ({
    role: i % 2 === 0 ? 'agent' : 'contact',
    text,
    at: new Date(startMs + step * (i + 1)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  }));
}
