import { expect } from 'chai';
import { resolve } from 'node:path';
import { parseWatermark } from '../../../services/directline/directLineService';
import { contentSecurityPolicy, safeJoin } from '../../../services/directline/webChatPage';

describe('web chat static files', () => {
  const root = resolve('/srv/public/chat');

  it('resolves files inside the folder', () => {
    expect(safeJoin(root, 'chat.js')).to.equal(resolve(root, 'chat.js'));
    expect(safeJoin(root, 'img/logo.png')).to.equal(resolve(root, 'img/logo.png'));
  });

  it('refuses traversal, encoded traversal, dot-files, backslashes and NUL', () => {
    for (const rel of ['../package.json', '%2e%2e/package.json', 'a/../../x', '.env', '..%2f..%2fetc%2fpasswd', 'a\\..\\b', 'x%00.js', '%E0%A4%A']) {
      expect(safeJoin(root, rel), rel).to.equal(undefined);
    }
  });

  it('allows scripts from this server only and framing by the configured origins', () => {
    const csp = contentSecurityPolicy(['https://www.lender.example']);
    expect(csp).to.contain("script-src 'self';");
    expect(csp).to.not.contain('unsafe-eval');
    expect(csp).to.contain("frame-ancestors 'self' https://www.lender.example");
  });
});

describe('Direct Line watermarks', () => {
  it('reads absent, empty and DirectLineJS "undefined" watermarks as the start', () => {
    expect([undefined, '', 'undefined', 'null'].map(parseWatermark)).to.deep.equal([0, 0, 0, 0]);
    expect(parseWatermark('42')).to.equal(42);
  });

  it('refuses anything but a position', () => {
    for (const bad of ['-1', '1.5', 'abc', '1e3']) expect(() => parseWatermark(bad), bad).to.throw(/watermark/);
  });
});
