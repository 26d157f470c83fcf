import { z } from 'zod';
import { vars } from '../config/vars';

// Configuration keys of services/handoff: spread into the one schema in services/config/config.ts.
// Every key here is also listed, with a comment, in .env.example. Service hours are SERVICE_HOURS* of
// services/scheduling (agents and callbacks share them).
export const handoffConfigShape = {
  /** `queue`: our own Redis/in-memory queue and agent console. `hub`: emit `handoff.initiate` to an external agent hub. */
  HANDOFF_MODE: z.enum(['queue', 'hub']).default('queue'),
  /**
   * Agent accounts: `id:Display Name:scryptHash;...` (hash from `npx tsx services/handoff/hashAgentPassword.ts`).
   * Unset (and AGENT_ACCOUNTS_FILE unset) outside production: one development account `dev` / `dev`, logged loudly.
   */
  AGENT_ACCOUNTS: vars.optionalString(),
  /** Path of a JSON file `[{ "id", "displayName", "passwordHash", "skills": [] }]`; alternative to AGENT_ACCOUNTS. */
  AGENT_ACCOUNTS_FILE: vars.optionalString(),
  /** Agent console session lifetime (idle sessions end at this age; no sliding renewal). */
  AGENT_SESSION_TTL_SECONDS: vars.int(8 * 3600, 60, 7 * 24 * 3600),
  /** Mark the session cookies `Secure` (set true whenever the console is served over HTTPS). */
  AGENT_COOKIE_SECURE: vars.bool(false),
  /** A borrower waiting longer than this is told so and offered a callback or a message ticket (ticket → timed_out). */
  HANDOFF_MAX_WAIT_SECONDS: vars.int(15 * 60, 10),
  /** With no agent online, refuse new tickets (`no_agents`) instead of queueing them. */
  HANDOFF_REQUIRE_AGENT_ONLINE: vars.bool(true),
  /** An agent counts as online this long after their console last called the server. */
  HANDOFF_AGENT_PRESENCE_SECONDS: vars.int(90, 10, 3600),
  /** Handling time assumed for wait estimates until real handling times have been recorded. */
  HANDOFF_DEFAULT_HANDLE_SECONDS: vars.int(300, 10),
  /** Tickets one agent may hold at once. */
  HANDOFF_MAX_TICKETS_PER_AGENT: vars.int(3, 1, 50),
  /** How long closed, cancelled and timed-out tickets (with history and messages) are kept. */
  HANDOFF_TICKET_RETENTION_DAYS: vars.int(90, 1, 3650),
  /** How long the last 30 turns of a conversation are kept for an agent to read. */
  HANDOFF_TRANSCRIPT_TTL_SECONDS: vars.int(7 * 24 * 3600, 60),
  /** How often each instance looks for timed-out tickets and changed queue positions. */
  HANDOFF_SWEEP_INTERVAL_MS: vars.int(5000, 200, 600000),
};
