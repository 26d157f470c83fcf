import { CloudAdapter, StatusCodes, type Activity, type TurnContext } from 'botbuilder';
// Not re-exported by botbuilder's index; the same function CloudAdapter.process applies to every request body.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';

/** What to answer the HTTP request with. `error` is set when the turn could not run (for the log, not the caller). */
export interface HttpTurnResult {
  status: number;
  body?: unknown;
  error?: unknown;
}

/** botframework-connector's AuthenticationError, recognised without depending on that package directly. */
function isAuthenticationError(err: unknown): boolean {
  return err instanceof Error && err.constructor.name === 'AuthenticationError';
}

/**
 * CloudAdapter with an HTTP entry that does what `process()` does for a parsed JSON body, without its per-request
 * zod work: `process()` builds fresh zod schemas on every call and copies the activity through `z.record()` twice
 * (and the response object through a schema once) before the turn starts: 6-8 % of the bot's allocation under load
 * (bench/results/load.md). The route has already checked the body (an object with type, channelId and
 * conversation.id), so this goes straight to the protected `processActivity`: authentication (JWT, or anonymous),
 * the turn, and the invoke or expectReplies response, exactly as `process()` would answer them.
 */
export class LeanCloudAdapter extends CloudAdapter {
  async processHttpActivity(activity: Activity, authHeader: string, logic: (context: TurnContext) => Promise<void>): Promise<HttpTurnResult> {
    try {
      const invokeResponse = await this.processActivity(authHeader, validateAndFixActivity(activity), logic);
      return { status: invokeResponse?.status ?? StatusCodes.OK, body: invokeResponse?.body };
    } catch (error) {
      if (isAuthenticationError(error)) return { status: StatusCodes.UNAUTHORIZED, body: { error: 'unauthorized' }, error };
      return { status: StatusCodes.INTERNAL_SERVER_ERROR, body: { error: 'internal error' }, error };
    }
  }
}
