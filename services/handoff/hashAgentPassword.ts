// Hash an agent password for AGENT_ACCOUNTS / AGENT_ACCOUNTS_FILE:
//   npx tsx services/handoff/hashAgentPassword.ts            (reads the password from stdin, nothing in shell history)
//   echo -n 'secret' | npx tsx services/handoff/hashAgentPassword.ts
// Prints the hash only. Quote it with single quotes in a shell: it contains `$`.
import { hashAgentPassword } from './agentAuth';

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!password) {
    process.stderr.write('usage: echo -n <password> | npx tsx services/handoff/hashAgentPassword.ts\n');
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${await hashAgentPassword(password)}\n`);
}

if (require.main === module) void main();
