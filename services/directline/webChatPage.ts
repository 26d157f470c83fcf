import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logging/logger';

export interface WebChatPageOptions {
  /** The public/ folder (holds chat/ and vendor/webchat/). */
  publicDir: string;
  /** Origins allowed to frame the page, besides this site. */
  frameAncestors: string[];
  /** Also answer GET / with a redirect to /chat/ (leave false if something else owns /). */
  redirectRoot: boolean;
  logger: Logger;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

/**
 * Content-Security-Policy of the page. Scripts only from this server. Web Chat 4.18's bundle runs under
 * script-src 'self' without 'unsafe-eval' (checked by the browser e2e, which fails on any CSP violation);
 * its styling library injects <style> elements, hence style-src 'unsafe-inline'.
 */
export function contentSecurityPolicy(frameAncestors: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Headers on every page and asset response. */
export function pageSecurityHeaders(frameAncestors: string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(frameAncestors),
    'X-Content-Type-Options': 'nosniff',
    // The borrower token travels in the URL fragment (never sent), and no other URL should leak either.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

interface CachedFile {
  mtimeMs: number;
  raw: Buffer;
  gzip?: Buffer;
}

/**
 * Static files of the web chat: /chat/ (public/chat) and /vendor/webchat/ (the fetched bundle). Only files
 * with a known type, inside those folders, no dot-files, no directory listings.
 */
export function registerWebChatPage(server: Server, options: WebChatPageOptions): void {
  const headers = pageSecurityHeaders(options.frameAncestors);
  const cache = new Map<string, CachedFile>();
  const chatDir = resolve(options.publicDir, 'chat');
  const vendorDir = resolve(options.publicDir, 'vendor', 'webchat');

  const redirect = (to: string) => async (_req: Request, res: Response) => {
    res.writeHead(302, { Location: to, 'Cache-Control': 'no-cache' });
    res.end();
  };

  const serve = (root: string, cacheControl: string) => async (req: Request, res: Response) => {
    const rel = (req.params as Record<string, string | undefined>)['*'] || 'index.html';
    const file = safeJoin(root, rel);
    const type = file && CONTENT_TYPES[extname(file).toLowerCase()];
    if (!file || !type) return notFound(res, headers);
    let info;
    try {
      info = await stat(file);
    } catch {
      return notFound(res, headers);
    }
    if (!info.isFile()) return notFound(res, headers);

    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const compressible = COMPRESSIBLE.has(extname(file).toLowerCase());
    const base = { ...headers, 'Content-Type': type, 'Cache-Control': cacheControl, 'Last-Modified': info.mtime.toUTCString() };
    if (!compressible || info.size > 16 * 1024 * 1024) {
      res.writeHead(200, { ...base, 'Content-Length': String(info.size) });
      await pipe(file, res);
      return;
    }
    let cached = cache.get(file);
    if (!cached || cached.mtimeMs !== info.mtimeMs) {
      cached = { mtimeMs: info.mtimeMs, raw: await readFile(file) };
      cache.set(file, cached);
    }
    if (acceptsGzip) {
      cached.gzip ??= gzipSync(cached.raw);
      res.writeHead(200, { ...base, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': String(cached.gzip.length) });
      res.end(cached.gzip);
    } else {
      res.writeHead(200, { ...base, Vary: 'Accept-Encoding', 'Content-Length': String(cached.raw.length) });
      res.end(cached.raw);
    }
  };

  if (options.redirectRoot) server.get('/', redirect('/chat/'));
  server.get('/chat', redirect('/chat/'));
  server.get('/chat/*', serve(chatDir, 'no-cache'));
  // The bundle changes only with its version (a new install): cache it for a day.
  server.get('/vendor/webchat/*', serve(vendorDir, 'public, max-age=86400'));
}

/** `rel` resolved inside `root`, or undefined if it escapes it or names a dot-file. */
export function safeJoin(root: string, rel: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.'))) return undefined;
  const full = resolve(join(root, ...segments));
  return full.startsWith(root + sep) ? full : undefined;
}

function notFound(res: ServerResponse, headers: Record<string, string>): void {
  const body = 'Not found';
  res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) });
  res.end(body);
}

function pipe(file: string, res: ServerResponse): Promise<void> {
  return new Promise((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    res.on('close', done);
    stream.pipe(res);
  });
}
