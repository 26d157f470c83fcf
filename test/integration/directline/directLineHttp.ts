/** A small JSON client for the Direct Line routes in tests (and the hand-off benchmark). */
export interface HttpResult {
  status: number;
  // Parsed JSON body (any: tests read the fields they check).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { bearer?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: 'manual',
    signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: response.status, body, headers: response.headers };
}

/** A started conversation for the page: token, conversation id, and a poll/post pair bound to it. */
export async function startPageConversation(base: string, request: Record<string, unknown> = {}) {
  const issued = await call(base, 'POST', '/api/webchat/token', { body: request });
  if (issued.status !== 200) throw new Error(`token: ${issued.status} ${JSON.stringify(issued.body)}`);
  const started = await call(base, 'POST', '/v3/directline/conversations', { bearer: issued.body.token, body: {} });
  const conversationId: string = issued.body.conversationId;
  const token: string = issued.body.token;
  return {
    conversationId,
    token,
    userId: issued.body.userId as string,
    started,
    poll: (watermark = '', bearer = token) =>
      call(base, 'GET', `/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, { bearer }),
    post: (activity: Record<string, unknown>, bearer = token) =>
      call(base, 'POST', `/v3/directline/conversations/${conversationId}/activities`, { bearer, body: activity }),
  };
}
