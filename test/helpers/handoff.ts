import { t } from '../../dialogs/messages';
import { startPageConversation } from '../integration/directline/directLineHttp';

/** A fixed-offset zone where it is now around noon, so service hours (09:00–21:00) are open whenever this runs. */
export function zoneWhereItIsNoon(now = new Date()): string {
  return zoneWhereItIs(12, now);
}

/** A fixed-offset zone where the local hour is now `hour` (0–23), e.g. 0 for a night outside service hours. */
export function zoneWhereItIs(hour: number, now = new Date()): string {
  let offset = (((hour - now.getUTCHours()) % 24) + 24) % 24;
  if (offset > 12) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export const AGENT_PASSWORD = 'test-agent-password';
export const AGENT_ACCOUNTS = 'agent1:Agent One:s1$16384$8$1$P6EVAosJp_Lc9e8gXpEMmQ$gfo7Wt5XCtHYKzlq8aMlDqsMlyqmLkH0Wp723LENpV8:legal,negotiation,complaints';

export type Conversation = Awaited<ReturnType<typeof startPageConversation>>;

/** Poll the borrower's Direct Line conversation until a bot message matches. */
export async function waitForBotText(conversation: Conversation, matches: (text: string) => boolean, timeoutMs = 8000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    const res = await conversation.poll();
    seen = (res.body.activities as Array<{ type: string; text?: string; from: { id: string } }>)
      .filter((a) => a.type === 'message' && a.from.id !== conversation.userId)
      .map((a) => a.text ?? '');
    const hit = seen.find(matches);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no bot message matched; saw:\n${seen.join('\n')}`);
}

export interface BotActivity {
  type: string;
  text?: string;
  from: { id: string };
}

/** Poll the borrower's Direct Line conversation until an activity from the bot (any type: typing too) matches. */
export async function waitForBotActivity(conversation: Conversation, matches: (activity: BotActivity) => boolean, timeoutMs = 8000): Promise<BotActivity> {
  const deadline = Date.now() + timeoutMs;
  let seen: BotActivity[] = [];
  while (Date.now() < deadline) {
    const res = await conversation.poll();
    seen = (res.body.activities as BotActivity[]).filter((a) => a.from.id !== conversation.userId);
    const hit = seen.find(matches);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no bot activity matched; saw types: ${seen.map((a) => a.type).join(', ')}`);
}

/** Ask "how much do I owe" and verify as demo borrower D002 (李四) through the conversation, waiting for each answer. */
export async function verifyAsD002(conversation: Conversation): Promise<void> {
  const say = (text: string) => conversation.post({ type: 'message', text, from: { id: conversation.userId } });
  await say('我还欠多少钱');
  await waitForBotText(conversation, (x) => x === t('zh-CN', 'identity.askMobile'));
  await say('13800000002');
  await waitForBotText(conversation, (x) => x.startsWith('请输入您身份证号码的后6位'));
  await say('234561');
  await waitForBotText(conversation, (x) => x.startsWith('李四'));
}

/** The first number /metrics reports on a line matching `pattern` (its first group); 0 when the line is absent. */
export async function metric(url: string, pattern: RegExp): Promise<number> {
  const m = pattern.exec(await (await fetch(`${url}/metrics`)).text());
  return m ? Number(m[1]) : 0;
}
