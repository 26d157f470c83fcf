import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Clock } from '../clock';
import { isBotError } from '../errors/botError';
import type { Logger } from '../logging/logger';
import type { BotEndpoint } from './botEndpoint';
import { DirectLineError, dlErrors } from './directLineError';
import { activityId, type DirectLineConversation, type DirectLineStore, type StoredActivity } from './directLineStore';
import type { DirectLineTokens } from './directLineTokens';

/** Who is calling a Direct Line route: a holder of the secret (any conversation) or of a conversation token. */
export type DirectLineCaller = { kind: 'secret' } | { kind: 'token'; conversationId: string; userId: string };

/** Direct Line's Conversation object (polling only, so `streamUrl` is empty). */
export interface ConversationResponse {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

export interface ChannelAccount {
  id: string;
  name: string;
}

export interface DirectLineServiceDeps {
  store: DirectLineStore;
  tokens: DirectLineTokens;
  bot: BotEndpoint;
  clock: Clock;
  logger: Logger;
  /** Base URL of this server's Bot Connector routes, given to the bot as `serviceUrl` (use a loopback URL). */
  serviceUrl: () => string;
  /** How long posting an activity waits for the bot's turn. */
  botTimeoutMs: number;
  /** The Direct Line secret for server-to-server clients; undefined: tokens only. */
  secret?: string;
  /** The bot's account in activities (`recipient` of user activities, member of `membersAdded`). */
  botAccount?: ChannelAccount;
  /** Most activities one poll returns. */
  pageSize?: number;
  /** Random ids (injectable for tests). */
  randomId?: (bytes: number) => string;
}

const USER_ID = /^[A-Za-z0-9_.:@-]{1,64}$/;

export const LOCALES = ['zh-CN', 'zh-TW', 'en-US'] as const;

/** Body of tokens/generate and of the page's token request. */
export const tokenRequestSchema = z.object({
  /** Trusted callers (secret) may name the user; the page may not. */
  user: z.object({ id: z.string().regex(USER_ID), name: z.string().max(100).optional() }).optional(),
  /** The lender's signed token naming the borrower: passed through to the bot, not verified here. */
  borrowerToken: z.string().min(1).max(8192).optional(),
  locale: z.enum(LOCALES).optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

const CLIENT_ACTIVITY_TYPES = new Set(['message', 'event', 'typing']);

/**
 * The Direct Line 3.0 protocol, without HTTP: tokens, conversations, the activity log with watermarks, and the
 * hand-over of user activities to the bot. Routes in directLineRoutes.ts map its results and DirectLineErrors
 * to responses.
 */
export class DirectLineService {
  private readonly botAccount: ChannelAccount;
  private readonly pageSize: number;
  private readonly randomId: (bytes: number) => string;

  constructor(private readonly deps: DirectLineServiceDeps) {
    this.botAccount = deps.botAccount ?? { id: 'bot', name: 'Bot' };
    this.pageSize = deps.pageSize ?? 100;
    this.randomId = deps.randomId ?? ((bytes) => randomBytes(bytes).toString('base64url'));
  }

  /** Who the Authorization header names. 401 if missing or malformed, 403 if invalid or expired. */
  async authenticate(authorization: string | undefined): Promise<DirectLineCaller> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw dlErrors.unauthorized();
    const credential = match[1];
    if (this.deps.secret && sameSecret(credential, this.deps.secret)) return { kind: 'secret' };
    const claims = await this.deps.tokens.verify(credential);
    return { kind: 'token', ...claims };
  }

  /** POST /v3/directline/tokens/generate: secret only. A token for a new conversation. */
  async generateToken(caller: DirectLineCaller, request: TokenRequest): Promise<ConversationResponse> {
    if (caller.kind !== 'secret') throw dlErrors.invalidToken();
    const conversation = await this.openConversation(request.user?.id, request);
    return this.conversationResponse(conversation, false);
  }

  /** The page's token (no secret): always a new, server-chosen user. The route rate-limits it. */
  async pageToken(request: Omit<TokenRequest, 'user'>): Promise<ConversationResponse & { userId: string }> {
    const conversation = await this.openConversation(undefined, request);
    return { ...(await this.conversationResponse(conversation, false)), userId: conversation.userId };
  }

  /**
   * POST /v3/directline/conversations. With a token: start the token's conversation (201 the first time,
   * 200 if already started). With the secret: a new conversation (user from the body, if any).
   */
  async startConversation(
    caller: DirectLineCaller,
    body: { user?: { id?: unknown }; locale?: unknown },
  ): Promise<{ status: 200 | 201; body: ConversationResponse }> {
    let conversation: DirectLineConversation;
    if (caller.kind === 'secret') {
      // DirectLineJS sends { user: { id }, locale } with whatever locale the page runs in: keep only ours.
      const locale = LOCALES.find((l) => l === body.locale);
      const userId = isObject(body.user) ? body.user.id : undefined;
      if (userId !== undefined && (typeof userId !== 'string' || !USER_ID.test(userId))) throw dlErrors.badArgument('Invalid user id');
      conversation = await this.openConversation(userId, locale ? { locale } : {});
    } else {
      conversation = await this.conversationFor(caller, caller.conversationId);
    }
    const started = await this.start(conversation);
    return { status: started ? 201 : 200, body: await this.conversationResponse(conversation, true) };
  }

  /** GET /v3/directline/conversations/:id (reconnect, e.g. after a page reload): a fresh token. */
  async reconnect(caller: DirectLineCaller, conversationId: string): Promise<ConversationResponse> {
    const conversation = await this.conversationFor(caller, conversationId);
    // A page that got its token but reloaded before starting: start now, so the bot still greets.
    await this.start(conversation);
    return this.conversationResponse(conversation, true);
  }

  /** POST /v3/directline/tokens/refresh: same conversation and user, new expiry. Tokens only. */
  async refreshToken(caller: DirectLineCaller): Promise<ConversationResponse> {
    if (caller.kind !== 'token') throw dlErrors.badArgument('Only a token can be refreshed');
    const conversation = await this.conversationFor(caller, caller.conversationId);
    return this.conversationResponse(conversation, false);
  }

  /** GET .../activities?watermark=N */
  async getActivities(caller: DirectLineCaller, conversationId: string, watermarkParam: string | undefined) {
    this.checkScope(caller, conversationId);
    const watermark = parseWatermark(watermarkParam);
    const page = await this.deps.store.list(conversationId, watermark, this.pageSize);
    if (!page) throw dlErrors.notFound();
    return page;
  }

  /**
   * POST .../activities from the client: store it (the echo Web Chat waits for, with the client's
   * channelData.clientActivityID), hand it to the bot, answer `{id}` once the bot's turn is over.
   */
  async postActivity(caller: DirectLineCaller, conversationId: string, body: unknown): Promise<{ id: string }> {
    const conversation = await this.conversationFor(caller, conversationId);
    if (!isObject(body) || typeof body.type !== 'string') throw dlErrors.badArgument('An activity with a type is required');
    if (!CLIENT_ACTIVITY_TYPES.has(body.type)) throw dlErrors.badArgument(`Activity type ${body.type} is not accepted`);

    const userId = caller.kind === 'token' ? caller.userId : conversation.userId;
    const { id: _id, serviceUrl: _s, recipient: _r, conversation: _c, channelId: _ch, from, timestamp: _t, ...rest } = body;
    const { borrowerToken: _b, ...channelData } = isObject(body.channelData) ? body.channelData : {};
    const fromName = isObject(from) && typeof from.name === 'string' ? from.name.slice(0, 100) : undefined;
    const stored: StoredActivity = {
      ...rest,
      type: body.type,
      channelId: 'directline',
      conversation: { id: conversationId },
      from: { id: userId, ...(fromName ? { name: fromName } : {}), role: 'user' },
      recipient: { ...this.botAccount, role: 'bot' },
      timestamp: new Date(this.deps.clock.now()).toISOString(),
      channelData,
    };
    const id = activityId(conversationId, await this.append(conversationId, stored));

    const activity = { ...stored, id, serviceUrl: this.deps.serviceUrl(), channelData: this.channelDataFor(conversation, channelData) };
    await this.runTurn(activity as unknown as Activity, conversationId, true);
    return { id };
  }

  /** POST /v3/conversations/:id/activities[/:replyToId] from the bot: store a reply for the client to poll. */
  async postBotActivity(conversationId: string, body: unknown, replyToId?: string): Promise<{ id: string }> {
    const conversation = await this.deps.store.get(conversationId);
    if (!conversation) throw dlErrors.notFound();
    if (!isObject(body) || typeof body.type !== 'string') throw dlErrors.badArgument('An activity with a type is required');
    const { id: _id, serviceUrl: _s, conversation: _c, channelId: _ch, timestamp: _t, ...rest } = body;
    const stored: StoredActivity = {
      ...rest,
      channelId: 'directline',
      conversation: { id: conversationId },
      from: isObject(body.from) ? body.from : { ...this.botAccount, role: 'bot' },
      recipient: isObject(body.recipient) ? body.recipient : { id: conversation.userId, role: 'user' },
      timestamp: new Date(this.deps.clock.now()).toISOString(),
      ...(body.replyToId === undefined && replyToId ? { replyToId } : {}),
    };
    return { id: activityId(conversationId, await this.append(conversationId, stored)) };
  }

  private async openConversation(userId: string | undefined, request: Omit<TokenRequest, 'user'>): Promise<DirectLineConversation> {
    const conversation: DirectLineConversation = {
      id: this.randomId(16),
      userId: userId ?? `dl_${this.randomId(12)}`,
      createdAt: this.deps.clock.now(),
      ...(request.locale ? { locale: request.locale } : {}),
      ...(request.borrowerToken ? { borrowerToken: request.borrowerToken } : {}),
    };
    await this.deps.store.create(conversation);
    return conversation;
  }

  /** Mark started; the one call that starts it sends the bot its conversationUpdate. */
  private async start(conversation: DirectLineConversation): Promise<boolean> {
    if (!(await this.deps.store.markStarted(conversation.id))) return false;
    const user = { id: conversation.userId, role: 'user' };
    const activity = {
      type: 'conversationUpdate',
      id: `${conversation.id}|start`,
      channelId: 'directline',
      serviceUrl: this.deps.serviceUrl(),
      conversation: { id: conversation.id },
      from: user,
      recipient: { ...this.botAccount, role: 'bot' },
      // Real Direct Line adds the user late; the bot's welcome logic expects both here.
      membersAdded: [{ ...this.botAccount, role: 'bot' }, user],
      timestamp: new Date(this.deps.clock.now()).toISOString(),
      ...(conversation.locale ? { locale: conversation.locale } : {}),
      channelData: this.channelDataFor(conversation, {}),
    };
    this.deps.logger.info({ event: 'directline.conversation.started', conversationId: conversation.id }, 'web chat conversation started');
    // The conversation exists whatever the bot does: a failed greeting is logged, the client still gets 201.
    await this.runTurn(activity as unknown as Activity, conversation.id, false);
    return true;
  }

  private async runTurn(activity: Activity, conversationId: string, failToClient: boolean): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DirectLineError(502, 'BotTimeout', `The bot did not answer within ${this.deps.botTimeoutMs} ms`)),
        this.deps.botTimeoutMs,
      );
    });
    try {
      await Promise.race([this.deps.bot.process(activity), timeout]);
    } catch (err) {
      const failure = err instanceof DirectLineError ? err : new DirectLineError(502, 'BotError', 'The bot returned an error', { cause: err });
      this.deps.logger.warn(
        { event: 'directline.bot.failed', conversationId, activityType: activity.type, code: failure.wireCode, err: errMessage(err) },
        'bot turn failed',
      );
      if (failToClient) throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  private async append(conversationId: string, activity: StoredActivity): Promise<number> {
    try {
      return await this.deps.store.append(conversationId, activity);
    } catch (err) {
      if (isBotError(err, 'BAD_INPUT')) throw dlErrors.notFound();
      if (isBotError(err, 'RATE_LIMITED')) throw dlErrors.tooBig();
      throw err;
    }
  }

  private channelDataFor(conversation: DirectLineConversation, channelData: Record<string, unknown>): Record<string, unknown> {
    return conversation.borrowerToken ? { ...channelData, borrowerToken: conversation.borrowerToken } : channelData;
  }

  private checkScope(caller: DirectLineCaller, conversationId: string): void {
    if (caller.kind === 'token' && caller.conversationId !== conversationId) throw dlErrors.wrongConversation();
  }

  private async conversationFor(caller: DirectLineCaller, conversationId: string): Promise<DirectLineConversation> {
    this.checkScope(caller, conversationId);
    const conversation = await this.deps.store.get(conversationId);
    if (!conversation) throw dlErrors.notFound();
    return conversation;
  }

  private async conversationResponse(conversation: DirectLineConversation, withStreamUrl: boolean): Promise<ConversationResponse> {
    const issued = await this.deps.tokens.issue({ conversationId: conversation.id, userId: conversation.userId });
    return {
      conversationId: conversation.id,
      token: issued.token,
      expires_in: issued.expiresIn,
      ...(withStreamUrl ? { streamUrl: '' } : {}),
    };
  }
}

/** Direct Line watermarks are opaque strings; ours are positions. Absent (or DirectLineJS's "undefined"): 0. */
export function parseWatermark(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'undefined' || value === 'null') return 0;
  if (!/^\d{1,9}$/.test(value)) throw dlErrors.badArgument('Invalid watermark');
  return Number(value);
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
