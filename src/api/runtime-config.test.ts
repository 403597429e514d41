import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../test/server';
import { DEFAULT_RUNTIME_CONFIG, loadRuntimeConfig } from './runtime-config';

afterEach(() => document.getElementById('runtime-config')?.remove());

function embed(text: string) {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'runtime-config';
  block.textContent = text;
  document.head.append(block);
}

describe('loadRuntimeConfig', () => {
  it('reads the config the server put into the page, asks for nothing and leaves no credential in it', async () => {
    embed(
      JSON.stringify({
        apiBaseUrl: 'https://api.example.com',
        conversationUrlTemplate: null,
        demoCredentials: { token: 'ak_demo_manage' },
      }),
    );
    // MSW fails the test on any request: /config.json must not be fetched.
    expect(await loadRuntimeConfig()).toEqual({
      apiBaseUrl: 'https://api.example.com',
      conversationUrlTemplate: null,
      demoCredentials: { token: 'ak_demo_manage' },
    });
    expect(document.getElementById('runtime-config')).toBeNull();
    expect(document.documentElement.innerHTML).not.toContain('ak_demo_manage');
  });

  it('fetches /config.json from a static host that embeds nothing', async () => {
    server.use(
      http.get('*/config.json', () =>
        HttpResponse.json({ apiBaseUrl: 'https://api.example.com', conversationUrlTemplate: null }),
      ),
    );
    expect(await loadRuntimeConfig()).toEqual({
      apiBaseUrl: 'https://api.example.com',
      conversationUrlTemplate: null,
    });
  });

  it('falls back to the defaults on a block that is not the config', async () => {
    embed('{ not json');
    expect(await loadRuntimeConfig()).toEqual(DEFAULT_RUNTIME_CONFIG);
  });
});
