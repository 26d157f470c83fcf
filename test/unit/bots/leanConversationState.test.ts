import { expect } from 'chai';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Storage, type StoreItems } from 'botbuilder';
import { LeanConversationState } from '../../../bots/leanConversationState';

/** MemoryStorage that counts reads and writes. */
class CountingStorage implements Storage {
  readonly inner = new MemoryStorage();
  reads = 0;
  writes = 0;
  async read(keys: string[]): Promise<StoreItems> {
    this.reads++;
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    this.writes++;
    return this.inner.write(changes);
  }
  async delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

const turn = () =>
  new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1' } as never, from: { id: 'u1', name: 'u1' }, recipient: { id: 'bot', name: 'bot' } });

// The same behaviour as botbuilder's ConversationState, checked against it.
for (const [name, make] of [
  ['ConversationState (botbuilder, the reference)', (s: Storage) => new ConversationState(s)],
  ['LeanConversationState', (s: Storage) => new LeanConversationState(s)],
] as const) {
  describe(`${name} (conversation state contract)`, () => {
    it('reads storage once per turn and keeps property changes across turns', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      const count = state.createProperty<number>('count');
      let ctx = turn();
      expect(state.get(ctx), 'nothing cached before load').to.equal(undefined);
      expect(await count.get(ctx, 0)).to.equal(0);
      await count.set(ctx, 1);
      expect(await count.get(ctx)).to.equal(1);
      expect(storage.reads).to.equal(1);
      await state.saveChanges(ctx);
      ctx = turn();
      expect(await count.get(ctx, 0)).to.equal(1);
      expect(state.get(ctx)).to.have.property('count', 1);
      expect(storage.reads).to.equal(2);
    });

    it('writes only when something changed, once, and always when forced', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      const profile = state.createProperty<{ language: string; misses: number }>('profile');
      let ctx = turn();
      await state.saveChanges(ctx);
      expect(storage.writes, 'never loaded: nothing to write').to.equal(0);
      await profile.get(ctx, { language: 'zh-Hans', misses: 0 });
      await state.saveChanges(ctx);
      expect(storage.writes, 'a default value is a change').to.equal(1);
      await state.saveChanges(ctx);
      expect(storage.writes, 'saved again with no change').to.equal(1);
      ctx = turn();
      await profile.get(ctx);
      await state.saveChanges(ctx);
      expect(storage.writes, 'read and not changed').to.equal(1);
      (await profile.get(ctx))!.misses = 1; // a change made in place, as dialogs do
      await state.saveChanges(ctx);
      expect(storage.writes).to.equal(2);
      await state.saveChanges(ctx, true);
      expect(storage.writes, 'forced').to.equal(3);
      ctx = turn();
      expect((await profile.get(ctx))!.misses).to.equal(1);
    });

    it('clears the state (written on the next save) and deletes it from storage', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      const count = state.createProperty<number>('count');
      let ctx = turn();
      await count.set(ctx, 5);
      await state.saveChanges(ctx);
      ctx = turn();
      await state.load(ctx);
      await state.clear(ctx);
      await state.saveChanges(ctx);
      ctx = turn();
      expect(await count.get(ctx)).to.equal(undefined);
      await count.set(ctx, 7);
      await state.saveChanges(ctx);
      ctx = turn();
      await state.delete(ctx);
      expect(await storage.inner.read(['test/conversations/c1/'])).to.deep.equal({});
      expect(await count.get(turn())).to.equal(undefined);
    });

    it('reloads from storage when forced', async () => {
      const storage = new CountingStorage();
      const state = make(storage);
      const ctx = turn();
      await state.load(ctx);
      await storage.inner.write({ 'test/conversations/c1/': { count: 9, eTag: '*' } });
      expect(await state.createProperty<number>('count').get(ctx)).to.equal(undefined);
      await state.load(ctx, true);
      expect(await state.createProperty<number>('count').get(ctx)).to.equal(9);
    });
  });
}
