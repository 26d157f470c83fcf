// Records the demo conversation in the Bot Framework Emulator's .transcript format:
//   npx tsx scripts/recordEmulatorTranscript.ts
// The user's side is listed below; the bot's side is what the real bot answers today (fixed clock, demo data).
// Re-record after changing what the bot says, and review the diff like any other change to the bot's words.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runConversation } from '../test/helpers/emulatorTranscript';

export const DEMO_USER_TURNS = [
  { type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Bot' }, { id: 'user-demo', name: 'User' }] },
  { type: 'message', text: '你好' },
  { type: 'message', text: '我还欠多少钱？' },
  { type: 'message', text: '13800000004' },
  { type: 'message', text: '45678x' },
  { type: 'message', text: '帮助' },
  { type: 'message', text: '谢谢' },
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
