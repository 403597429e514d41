import { expect, it } from 'vitest';
import { clippedTop } from './chart-scale';

it('stops the scale above the usual bars when one spike would flatten six hours of them', () => {
  const sixHours = Array.from({ length: 360 }, (_, i) => 8 + (i % 5));
  sixHours[200] = 220;
  const top = clippedTop(sixHours)!;
  expect(top).toBe(20);
  expect(sixHours.filter((v) => v > top)).toEqual([220]);
});

it('keeps the whole range when the largest bar is not alone up there', () => {
  expect(clippedTop([10, 12, 11, 9, 13, 12, 20])).toBeNull();
  const busyHour = Array.from({ length: 60 }, (_, i) => (i < 10 ? 200 : 10));
  expect(clippedTop(busyHour)).toBeNull();
  // Too few bars to call one of them a spike; zeros are not bars.
  expect(clippedTop([0, 0, 1, 0, 300])).toBeNull();
});
