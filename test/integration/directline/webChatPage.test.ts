import { expect } from 'chai';
import restify from 'restify';
import { call, startPageConversation } from './directLineHttp';
import { startDirectLineServer, type TestServer } from './directLineTestServer';

describe('web chat page routes (over HTTP)', () => {
  let server: TestServer;
  before(async () => {
    server = await startDirectLineServer({ env: { WEBCHAT_FRAME_ANCESTORS: 'https://www.lender.example', WEBCHAT_BRAND_COLOR: 'c8102e' } });
  });
  after(async () => server.close());

  it('redirects / and /chat to /chat/', async () => {
    for (const path of ['/', '/chat']) {
      const res = await call(server.url, 'GET', path);
      expect(res.status, path).to.equal(302);
      expect(res.headers.get('location')).to.equal('/chat/');
    }
  });

  it('serves the page with its security headers', async () => {
    const res = await call(server.url, 'GET', '/chat/');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(res.body).to.contain('/vendor/webchat/webchat.js');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).to.contain("script-src 'self';").and.contain("frame-ancestors 'self' https://www.lender.example");
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
  });

  it('serves scripts, styles and the Web Chat bundle with their content types', async () => {
    expect((await call(server.url, 'GET', '/chat/chat.js')).headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
    expect((await call(server.url, 'GET', '/chat/chat.css')).headers.get('content-type')).to.equal('text/css; charset=utf-8');
    const bundle = await fetch(`${server.url}/vendor/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(bundle.status).to.equal(200);
    expect(bundle.headers.get('content-encoding')).to.equal('gzip');
    expect(bundle.headers.get('cache-control')).to.contain('max-age');
    expect((await bundle.text()).length).to.be.greaterThan(1_000_000);
  });

  it('does not leave its folders, list directories or serve dot-files', async () => {
    for (const path of ['/chat/..%2f..%2fpackage.json', '/chat/%2e%2e/%2e%2e/package.json', '/vendor/webchat/VERSION', '/chat/.gitignore', '/vendor/webchat/']) {
      expect((await call(server.url, 'GET', path)).status, path).to.equal(404);
    }
  });

  it('gives the page its lender name, colour and languages as JSON', async () => {
    const res = await call(server.url, 'GET', '/api/webchat/config');
    expect(res.body).to.deep.equal({ lenderName: '示例消费金融', brandColor: '#C8102E', defaultLocale: 'zh-CN', locales: ['zh-CN', 'zh-TW', 'en-US'] });
  });
});

describe('Direct Line routes behind a global bodyParser', () => {
  it('still read the activity the client posted', async () => {
    const server = await startDirectLineServer({ beforeRoutes: (s) => s.use(restify.plugins.bodyParser()) });
    try {
      const conv = await startPageConversation(server.url, { locale: 'en-US' });
      const posted = await conv.post({ type: 'message', text: 'hello', channelData: { clientActivityID: 'x' } });
      expect(posted.status).to.equal(200);
      const page = await conv.poll();
      expect(page.body.activities.map((a: { text: string }) => a.text)).to.deep.equal([
        '您好，我是在线客服助手。请问有什么可以帮您？',
        'hello',
        '收到：hello',
      ]);
    } finally {
      await server.close();
    }
  });
});
