// Fetches the Bot Framework Web Chat bundle into public/vendor/webchat/ (gitignored), run by npm's postinstall.
//
// Why not a dependency: botframework-webchat installed as a package pulls ~565 MB (speech SDK); its registry
// tarball is 7 MB and already holds the browser bundle (dist/webchat.js). We `npm pack` the exact version through
// the configured registry, check the tarball's sha512 against the value pinned here (and the one npm reports),
// and extract only the bundle, its third-party license notice and package.json.
//
// Plain Node ESM, no dependencies. Idempotent: does nothing when the right version is already in place.
// Quiet on success (one line when it actually fetched); a clear message and exit code 1 on failure.
// WEBCHAT_SKIP_FETCH=1 skips it (offline installs that provide the bundle some other way).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'botframework-webchat';
const VERSION = '4.18.1';
// dist.integrity of botframework-webchat@4.18.1 in the npm registry.
const INTEGRITY = 'sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg==';
const FILES = ['package/dist/webchat.js', 'package/dist/webchat.js.LICENSE.txt', 'package/package.json'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'public', 'vendor', 'webchat');
const marker = join(target, 'VERSION');

class FetchError extends Error {}

function fail(message, detail) {
  throw new FetchError(`${message}${detail ? `\n${String(detail).trim()}` : ''}`);
}

function upToDate() {
  try {
    return readFileSync(marker, 'utf8').trim() === `${NAME}@${VERSION}` && existsSync(join(target, 'webchat.js'));
  } catch {
    return false;
  }
}

// Use the npm that runs this postinstall (npm_execpath) when there is one, so the same registry config applies.
function npm(args, cwd) {
  const cli = process.env.npm_execpath;
  const [cmd, argv] =
    cli && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli, ...args]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', args];
  return spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 5 * 60 * 1000 });
}

function main() {
  if (process.env.WEBCHAT_SKIP_FETCH === '1') return;
  if (upToDate()) return;

  const tmp = mkdtempSync(join(tmpdir(), 'webchat-'));
  try {
    // Run outside the project so no project lifecycle script or workspace setting is involved.
    const packed = npm(['pack', `${NAME}@${VERSION}`, '--pack-destination', tmp, '--json', '--loglevel=error'], tmp);
    if (packed.error) fail(`could not run npm pack: ${packed.error.message}`);
    if (packed.status !== 0) fail(`npm pack ${NAME}@${VERSION} failed (exit ${packed.status})`, packed.stderr);

    let info;
    try {
      info = JSON.parse(packed.stdout)[0];
    } catch (err) {
      fail(`npm pack printed no JSON: ${err.message}`, packed.stdout.slice(0, 500));
    }
    if (info?.name !== NAME || info?.version !== VERSION) fail(`npm pack returned ${info?.name}@${info?.version}`);
    const tarball = join(tmp, info.filename);
    const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (actual !== INTEGRITY || info.integrity !== INTEGRITY) {
      fail(`integrity mismatch for ${info.filename}: expected ${INTEGRITY}, npm reported ${info.integrity}, file is ${actual}`);
    }

    const extracted = join(tmp, 'x');
    mkdirSync(extracted);
    const tar = spawnSync('tar', ['-xzf', tarball, '-C', extracted, ...FILES], { encoding: 'utf8' });
    if (tar.error) fail(`could not run tar: ${tar.error.message}`);
    if (tar.status !== 0) fail(`tar failed (exit ${tar.status})`, tar.stderr);

    // Stage next to the target and swap, so a half-written bundle is never served.
    const staging = `${target}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    renameSync(join(extracted, 'package/dist/webchat.js'), join(staging, 'webchat.js'));
    renameSync(join(extracted, 'package/dist/webchat.js.LICENSE.txt'), join(staging, 'webchat.js.LICENSE.txt'));
    const pkg = JSON.parse(readFileSync(join(extracted, 'package/package.json'), 'utf8'));
    writeFileSync(
      join(staging, 'LICENSE.txt'),
      `${NAME}@${VERSION} is licensed under the ${pkg.license} license (https://github.com/microsoft/BotFramework-WebChat).\n` +
        'Third-party notices bundled in webchat.js: see webchat.js.LICENSE.txt.\n',
    );
    writeFileSync(join(staging, 'VERSION'), `${NAME}@${VERSION}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    process.stdout.write(`fetchWebChat: ${NAME}@${VERSION} → public/vendor/webchat/webchat.js\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`fetchWebChat: ${err instanceof FetchError ? err.message : err.stack}\n`);
  process.stderr.write(
    `fetchWebChat: the web chat page needs public/vendor/webchat/webchat.js (${NAME}@${VERSION}); ` +
      `fix the cause and run \`node scripts/fetchWebChat.mjs\` again.\n`,
  );
  process.exitCode = 1;
}
