import type { TicketRequest } from '../../../services/handoff/ticket';

/** A hand-off request as the dialog layer would make it. */
export function request(conversationId: string, overrides: Partial<TicketRequest> = {}): TicketRequest {
  return {
    conversationId,
    conversationReference: {
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      serviceUrl: 'http://localhost:3978',
      channelId: 'directline',
      user: { id: `user-${conversationId}`, name: 'borrower' },
      bot: { id: 'bot', name: 'bot' },
      activityId: 'a1',
    },
    reason: 'harassment_complaint',
    priority: 2,
    skills: [],
    intents: [{ intent: 'harassment_complaint', confidence: 0.93 }],
    language: 'zh-CN',
    records: [],
    ...overrides,
  };
}
