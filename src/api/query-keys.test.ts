import { describe, expect, it } from 'vitest';
import { campaignQueries } from './campaigns';
import { contactQueries } from './contacts';
import { configurationQueries, timezoneQueries } from './configurations';
import { concurrencyQueries } from './concurrency';
import { conversationQueries } from './conversations';

describe('query keys go from generic to specific', () => {
  it('campaigns', () => {
    const filters = { name: 'spring', status: ['active' as const], limit: 50 };
    expect(campaignQueries.list(filters).queryKey).toEqual(['campaigns', 'list', filters]);
    expect(campaignQueries.detail('spring-outreach').queryKey).toEqual([
      'campaigns',
      'detail',
      'spring-outreach',
    ]);
    expect(campaignQueries.stats('uuid-1').queryKey).toEqual([
      'campaigns',
      'detail',
      'uuid-1',
      'stats',
    ]);
  });

  it('contacts nest under their campaign so a campaign invalidation reaches them', () => {
    const params = { limit: 50, offset: 100, status: 'completed' as const };
    const key = contactQueries.list('uuid-1', params).queryKey;
    expect(key).toEqual(['campaigns', 'detail', 'uuid-1', 'contacts', 'list', params]);
    expect(key.slice(0, 3)).toEqual([...campaignQueries.details(), 'uuid-1']);
    expect(contactQueries.detail('uuid-1', 'lead-1').queryKey).toEqual([
      'campaigns',
      'detail',
      'uuid-1',
      'contacts',
      'detail',
      'lead-1',
    ]);
  });

  it('configurations, timezones, concurrency and conversations', () => {
    expect(configurationQueries.list().queryKey).toEqual(['configurations', 'list']);
    expect(configurationQueries.detail('cfg').queryKey).toEqual([
      'configurations',
      'detail',
      'cfg',
    ]);
    expect(timezoneQueries.list().queryKey).toEqual(['timezones']);
    expect(concurrencyQueries.settings().queryKey).toEqual(['concurrency-settings']);
    expect(conversationQueries.detail('conv').queryKey).toEqual(['conversations', 'conv']);
  });

  it('concurrency settings poll every 5 seconds', () => {
    expect(concurrencyQueries.settings().refetchInterval).toBe(5000);
  });
});
