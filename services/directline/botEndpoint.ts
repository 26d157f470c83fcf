import type { Activity } from 'botbuilder';

/**
 * Where the built-in Direct Line hands an activity to the bot. index.ts implements it, either in-process
 * (`CloudAdapter.processActivity`) or over loopback HTTP to /api/messages. The activity's `serviceUrl` is the
 * facade's own Bot Connector endpoint: the bot posts its replies there, as it would to Azure's.
 */
export interface BotEndpoint {
  /**
   * Run one turn for `activity`. Resolve when the turn is over (its replies already posted to the serviceUrl);
   * reject if the bot failed: the client then gets 502, as from real Direct Line.
   */
  process(activity: Activity): Promise<void>;
}
