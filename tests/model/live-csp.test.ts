// A live view's stream host is the one origin besides the site's own that a page may fetch and play from: on its
// page's meta policy, in the site-wide `_headers`, and in what the local server sends (read from that file).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, SITE_CSP } from '../../model/csp.ts';
import { publishedPolicy } from '../../scripts/server/headers.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'live-csp-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));
const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('stream origins in the Content-Security-Policy', () => {
  it('are added to media-src and connect-src only', () => {
    const p = contentSecurityPolicy({ streams: ['https://live.example.org', 'http://127.0.0.1:8938'] });
    expect(directive(p, 'media-src')).toBe("media-src 'self' blob: http://127.0.0.1:8938 https://live.example.org");
    expect(directive(p, 'connect-src')).toBe("connect-src 'self' data: blob: http://127.0.0.1:8938 https://live.example.org");
    expect(directive(p, 'script-src')).toBe("script-src 'self'");
    expect(directive(p, 'default-src')).toBe("default-src 'self'");
  });

  it('the server sends the policy of the published _headers, and follows a new publish', () => {
    expect(publishedPolicy(dist)).toBe(SITE_CSP);
    fs.writeFileSync(path.join(dist, '_headers'), headersFile(['https://live.example.org']));
    expect(directive(publishedPolicy(dist), 'media-src')).toBe("media-src 'self' blob: https://live.example.org");
    fs.writeFileSync(path.join(dist, '_headers'), headersFile(['https://other.example.org', 'https://live.example.org']));
    expect(directive(publishedPolicy(dist), 'connect-src')).toBe("connect-src 'self' data: blob: https://live.example.org https://other.example.org");
  });
});
