import type { IncomingMessage } from 'node:http';
import { dlErrors } from './directLineError';

/**
 * The request's JSON body. Works whether or not a global restify bodyParser ran first: a parsed `req.body` is
 * used as is; otherwise the stream is read here, up to `limitBytes`. Empty body: `{}`.
 */
export async function readJsonBody(req: IncomingMessage & { body?: unknown }, limitBytes: number): Promise<unknown> {
  if (req.body !== undefined && req.body !== null) {
    if (Buffer.isBuffer(req.body) || typeof req.body === 'string') return parse(req.body.toString());
    return req.body;
  }
  // Consumed by someone else without a parsed body: nothing left to read.
  if (req.readableEnded) return {};
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw dlErrors.badArgument('Request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw dlErrors.badArgument('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return parse(Buffer.concat(chunks).toString('utf8'));
}

function parse(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw dlErrors.badArgument('Body is not valid JSON');
  }
}
