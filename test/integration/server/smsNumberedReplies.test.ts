import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { t } from '../../../dialogs/messages';
import { messageActivity, sendExpectReplies, startApp, textsOf, type RunningApp } from '../../helpers/app';
import { deleteByPrefix, TEST_REDIS_URL } from '../../helpers/redis';

describe('numbered replies over HTTP on a text-only channel', () => {
  const prefix = `test-sms-${randomUUID().slice(0, 8)}`;
  let app: RunningApp;
  before(async () => {
    app = await startApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });
  });
  after(async () => {
    await app?.close();
    const redis = new Redis(TEST_REDIS_URL);
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  it('starts the installment plan dialog when an SMS borrower replies "2" to the numbered menu', async () => {
    const conversationId = `c-sms-${randomUUID()}`;
    const sms = { channelId: 'sms' };
    const say = async (text: string) => textsOf(await sendExpectReplies(app.url, messageActivity(conversationId, text, sms)));

    const menu = await say('你好');
    expect(menu.join('\n')).to.contain(`2. ${t('zh-CN', 'core.menu.plan')}`);
    // "2" alone used to be read as a goodbye; now it is the second entry of the list the borrower was shown.
    const afterTwo = await say('2');
    expect(afterTwo).to.not.include(t('zh-CN', 'core.goodbye'));
    expect(afterTwo).to.include(t('zh-CN', 'identity.askMobile'));
    // The mobile number and ID digits are not list numbers (and the prompts carried no list).
    expect(await say('13800000002')).to.include(t('zh-CN', 'identity.askIdLast6'));
    const verified = await say('234561');
    // The plan dialog (not the account one) continues after verification: it asks for the reason, as a list.
    expect(verified.join('\n')).to.contain(t('zh-CN', 'plan.askReason'));
  });
});
