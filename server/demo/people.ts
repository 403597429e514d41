import type { ContactInput } from '../../contract/schemas.ts';
import type { Random } from '../dialer/random.ts';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Frances',
  'Edsger',
  'Radia',
  'Tim',
  'Hedy',
  'Donald',
  'Sophie',
  'John',
  'Joan',
  'Niklaus',
  'Karen',
  'Guido',
  'Anita',
  'Bjarne',
  'Shafi',
  'Leslie',
  'Mary',
  'Yukihiro',
  'Lynn',
  'James',
  'Adele',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
  'Lamarr',
  'Knuth',
  'Wilson',
  'McCarthy',
  'Clarke',
  'Wirth',
  'Spärck Jones',
  'van Rossum',
  'Borg',
  'Stroustrup',
  'Goldwasser',
  'Lamport',
  'Keller',
  'Matsumoto',
  'Conway',
  'Gosling',
  'Goldberg',
];
const COMPANIES = [
  'Northwind Traders',
  'Contoso Ltd',
  'Fabrikam',
  'Tailspin Toys',
  'Wide World Importers',
  'Adventure Works',
  'Litware',
  'Proseware',
  'Woodgrove Bank',
  'Coho Winery',
];
const AREAS = ['212', '312', '415', '617', '206', '512', '303', '404'];
const NOTES = [
  'Prefers calls after lunch.',
  'Asked about the annual plan last quarter; follow up on pricing and the multi-site discount before renewal in March. Decision maker is the operations director, not the CFO.',
  'Imported from the spring trade show list.',
  '<b>Not bold</b> — notes are plain text, whatever they contain.',
  '',
];

/** Believable fake contacts with valid North American numbers. */
export function fakeContacts(
  random: Random,
  count: number,
  prefix: string,
  start = 0,
): ContactInput[] {
  return Array.from({ length: count }, (_, i) => {
    const phone = () =>
      `+1${random.pick(AREAS)}${random.int(200, 999)}${String(random.int(0, 9999)).padStart(4, '0')}`;
    const phones = random.next() < 0.2 ? [phone(), phone()] : [phone()];
    return {
      external_id: `${prefix}-${String(start + i + 1).padStart(5, '0')}`,
      phone_numbers: phones,
      data: {
        first_name: random.pick(FIRST),
        last_name: random.pick(LAST),
        company: random.pick(COMPANIES),
        notes: random.pick(NOTES),
      },
    };
  });
}
