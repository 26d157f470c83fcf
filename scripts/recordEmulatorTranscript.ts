// Records the demo conversation in the Bot Framework Emulator's .transcript format:
//   npx tsx scripts/recordEmulatorTranscript.ts
// The user's side is listed below; the bot's side is what the real bot answers today (fixed clock, demo data), posted
// the way the Emulator receives it: to a local Bot Connector (the serviceUrl), recogniser traces included
// (test/helpers/emulatorTranscript.ts).
// Re-record after changing what the bot says, and review the diff like any other change to the bot's words.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runConversation } from '../test/helpers/emulatorTranscript';

export const DEMO_USER_TURNS = [
  { type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Bot' }, { id: 'user-demo', name: 'User' }] },
  { type: 'message', text: '你好' },
  { type: 'message', text: '我还欠多少钱？' },
  { type: 'message', text: '13800000002' },
  { type: 'message', text: '234561' },
  { type: 'message', text: '我想申请分期还款' },
  { type: 'message', text: '帮助' },
  { type: 'message', text: '收入减少' },
  { type: 'message', text: '每个月最多一千五' },
  // The first proposal's Action.Submit on the Adaptive Card (deterministic on the fixed clock and default policy).
  { type: 'message', value: { action: 'plan.choose', proposalId: 'EI9-245f8c24', intent: 'installment_plan' } },
  { type: 'message', text: '确认提交' },
  { type: 'message', text: '催收天天打电话骚扰我家人' },
  { type: 'message', text: '昨天' },
  { type: 'message', text: '不知道号码' },
  { type: 'message', text: '法院短信说我被起诉了，是真的吗' },
  { type: 'message', text: '转人工' },
  { type: 'message', text: 'thanks, bye' },
];

async function main(): Promise<void> {
  const transcript = await runConversation(DEMO_USER_TURNS as never);
  const file = path.resolve(__dirname, '../test/fixtures/emulator/demo.transcript');
  writeFileSync(file, `${JSON.stringify(transcript, null, 2)}\n`);
  process.stdout.write(`wrote ${transcript.length} activities to ${path.relative(process.cwd(), file)}\n`);
}

if (require.main === module) main().catch((err) => {
  process.stderr.write(`${err}\n`);
  process.exit(1);
});
