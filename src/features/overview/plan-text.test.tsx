import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../contract/extensions';
import { setViewerZone } from '../../lib/viewer-zone';
import { makePlan } from '../../test/fixtures';
import { renderSentence } from '../../test/sentence';
import { planSentence } from './plan-text';

const NOW = Date.parse('2026-11-25T15:00:00Z'); // Wednesday 10:00 in New York
const plan = (over: Partial<Plan> = {}) => makePlan('c', over);

const sentence = (p: Plan, zone = 'America/New_York') => renderSentence(planSentence(p, zone, NOW));

afterEach(() => setViewerZone(null));

describe('the plan in one sentence', () => {
  it('names the lines a deadline needs and what today’s lines do, in the campaign’s zone', () => {
    const p = plan({
      deadline: { at: '2026-11-27T22:00:00Z', lines_needed: 14, within_org_limit: true },
    });
    for (const viewer of ['America/Chicago', 'Europe/Berlin']) {
      setViewerZone(viewer);
      expect(sentence(p)).toEqual({
        seen: "14 lines finish by Fri 16:40 EST; today's 10 finish Mon 11:20 EST.",
        zones: ['America/New_York', 'America/New_York'],
      });
    }
    expect(sentence(p, 'Asia/Tokyo')).toEqual({
      seen: "14 lines finish by Sat 06:40 GMT+9; today's 10 finish Tue 01:20 GMT+9.",
      zones: ['Asia/Tokyo', 'Asia/Tokyo'],
    });
  });

  it('says when the need is over the org limit, or beyond any line count', () => {
    const over = plan({
      deadline: { at: '2026-11-27T22:00:00Z', lines_needed: 14, within_org_limit: false },
    });
    expect(sentence(over).seen).toBe(
      "14 lines finish by Fri 16:40 EST, more than the org limit allows; today's 10 finish Mon 11:20 EST.",
    );
    const never = plan({
      deadline: { at: '2026-11-25T16:00:00Z', lines_needed: null, within_org_limit: false },
    });
    expect(sentence(never).seen).toBe(
      "Even 1,000 lines cannot finish by Wed 11:00 EST; today's 10 finish Mon 11:20 EST.",
    );
  });

  it('answers without a deadline, and says why when there is no plan yet', () => {
    expect(sentence(plan())).toEqual({
      seen: "Today's 10 lines finish by Mon 11:20 EST.",
      zones: ['America/New_York'],
    });
    const none = plan({
      attempts_per_line_hour: null,
      basis: 'fewer than 20 ended calls (3 so far): not enough history to plan',
    });
    expect(planSentence(none, 'America/New_York', NOW)).toBe(
      'No plan yet: fewer than 20 ended calls (3 so far): not enough history to plan.',
    );
  });
});
