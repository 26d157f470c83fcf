import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/** A record the bot filed for the borrower in this conversation (shown to the agent on hand-off). */
export interface FiledRecord {
  kind: 'plan_request' | 'complaint' | 'callback' | 'hardship_review';
  reference: string;
  at: string;
  /** The date (YYYY-MM-DD) the borrower is to hear back by, where the record has one (not a callback). */
  answerBy?: string;
}

/** The records filed in this conversation, kept in conversation state (plain JSON). */
export class FiledRecords {
  constructor(private readonly accessor: StatePropertyAccessor<FiledRecord[]>) {}

  async add(context: TurnContext, record: FiledRecord): Promise<void> {
    const list = await this.accessor.get(context, []);
    if (!list.some((r) => r.reference === record.reference)) list.push(record);
  }

  async list(context: TurnContext): Promise<FiledRecord[]> {
    return [...(await this.accessor.get(context, []))];
  }
}
