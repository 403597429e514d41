import { timezones } from 'libphonenumber-geo-carrier';
import { parsePhoneNumber } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { candidateZones, oneZone, zoneOfNumber } from './phone-zones.ts';

const JULY = new Date('2026-07-01T12:00:00Z');

describe('phone zones', () => {
  it('gives the zones the library gives, for numbers across regions', async () => {
    for (const n of [
      '+13125550100',
      '+12125550100',
      '+14155550100',
      '+12085550100',
      '+447911123456',
      '+5511987654321',
      '+61412345678',
      '+33612345678',
    ]) {
      expect(await candidateZones(n)).toEqual(await timezones(parsePhoneNumber(n)));
    }
  });

  it('takes one zone, or none when the candidates differ in offset', async () => {
    expect(await zoneOfNumber('+13125550100', JULY)).toBe('America/Chicago');
    expect(await zoneOfNumber('+12125550100', JULY)).toBe('America/New_York');
    // +1 with an unassigned area code: the whole of North America.
    expect(await zoneOfNumber('+19995550100', JULY)).toBeNull();
    expect(oneZone(['Europe/London', 'Europe/Jersey'], JULY)).toBe('Europe/London');
    // Phoenix keeps standard time: with Los Angeles in July, apart in January.
    expect(oneZone(['America/Phoenix', 'America/Los_Angeles'], JULY)).toBe('America/Phoenix');
    expect(oneZone(['America/Phoenix', 'America/Los_Angeles'], new Date('2026-01-10'))).toBeNull();
    expect(oneZone(null, JULY)).toBeNull();
  });
});
