import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { ROOT, freePort, waitFor } from '../../helpers/processes';
import { turn } from '../resilience/turns';

const run = promisify(execFile);

describe('runtime', function () {
  this.timeout(90_000);

  it('runs the project on a Node LTS release (node_modules/.bin/node, README "Runtime")', () => {
    expect(process.release.lts, `${process.version} is not an LTS release`).to.be.a('string');
    expect(Number(process.versions.node.split('.')[0])).to.be.at.least(22);
  });

  it('builds to dist/ (npm run build) and the compiled bot starts with no configuration and answers in zh-CN', async () => {
    await run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
    const port = await freePort();
    const proc = spawn(process.execPath, ['dist/index.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitFor('the compiled bot to be ready', async () => (await fetch(`${url}/readyz`)).status === 200, 20_000, 100).catch((err: Error) => {
        throw new Error(`${err.message}\n${stderr}`);
      });
      const reply = await turn(url, 'dist-1', '我还欠多少钱');
      expect(reply.status).to.equal(200);
      const text = reply.texts.join('\n');
      expect(text, 'asks for the registered mobile number, in Chinese').to.match(/手机号/);
      // The web pages are found from dist/ too (public/ is not copied).
      expect((await fetch(`${url}/chat/`)).status).to.equal(200);
      expect((await fetch(`${url}/agent`)).status).to.equal(200);
    } finally {
      proc.kill('SIGKILL');
    }
  });
});
