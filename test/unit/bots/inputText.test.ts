import { expect } from 'chai';
import { asksIfBot } from '../../../bots/inputText';

describe('asking whether the bot is a person', () => {
  it('hears the question in the three languages', () => {
    for (const text of ['你是机器人吗', '你是真人吗', '你是不是机器人', '你是AI吗', '是人工还是机器人', '机器人还是真人啊', '我在跟机器人说话吗', '你是機器人嗎', 'are you a bot', 'Am I talking to a real person?', 'am I chatting with a bot']) {
      expect(asksIfBot(text), text).to.equal(true);
    }
  });

  it('leaves requests for a person and other questions to the recogniser', () => {
    for (const text of ['能转真人吗', '我不想跟机器人说话', '给我找个真人', '我要人工', '人工客服在吗', '你是谁', '你们是哪家公司', 'are you able to help', 'put me through to a real person', '']) {
      expect(asksIfBot(text), text).to.equal(false);
    }
  });
});
