import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LuisRecognizer } from '../../../services/recognizer/cloud/luisRecognizer';
import { CluRecognizer } from '../../../services/recognizer/cloud/cluRecognizer';
import { FallbackRecognizer } from '../../../services/recognizer/cloud/fallbackRecognizer';
import { EmbeddedRecognizer } from '../../../services/recognizer/embeddedRecognizer';
import { captureLogger } from '../../../services/logging/logger';
import { isBotError } from '../../../services/errors/botError';

const APP_ID = '7f3c2a9e-5b1d-4c8e-9a6f-0d2e4b1c3a57';
const context = { now: Date.UTC(2026, 10, 20, 2, 0, 0), timeZone: 'Asia/Shanghai' };

interface Seen {
  method?: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A stand-in for the cloud service on 127.0.0.1 and a random port, answering as the test tells it. */
class StandIn {
  private server!: http.Server;
  seen: Seen[] = [];
  closedEarly = 0;
  reply: (seen: Seen) => { status: number; body: unknown; delayMs?: number } = () => ({ status: 500, body: {} });

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const seen: Seen = { method: req.method, url: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : undefined };
        this.seen.push(seen);
        const { status, body, delayMs = 0 } = this.reply(seen);
        res.on('close', () => {
          if (!res.writableFinished) this.closedEarly++;
        });
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(typeof body === 'string' ? body : JSON.stringify(body));
        }, delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// Published response shapes: LUIS prediction v3 and CLU analyze-conversations (kind ConversationResult).
const luisBody = (query: string) => ({
  query,
  prediction: {
    topIntent: 'installment_plan',
    intents: { installment_plan: { score: 0.91 }, negotiation_refused: { score: 0.2 }, None: { score: 0.05 }, SomeOtherIntent: { score: 0.6 } },
    entities: { number: [12], $instance: {} },
  },
});
const cluBody = (query: string) => ({
  kind: 'ConversationResult',
  result: {
    query,
    prediction: {
      projectKind: 'Conversation',
      topIntent: 'None',
      intents: [
        { category: 'None', confidenceScore: 0.72 },
        { category: 'credit_report', confidenceScore: 0.21 },
        { category: 'account_status', confidenceScore: 0.04 },
      ],
      entities: [],
    },
  },
});

describe('cloud recognisers against local stand-in servers', () => {
  const standIn = new StandIn();
  let endpoint: string;
  const embedded = EmbeddedRecognizer.fromFile();

  before(async () => {
    endpoint = await standIn.start();
  });
  after(async () => {
    await standIn.stop();
  });
  beforeEach(() => {
    standIn.seen = [];
    standIn.closedEarly = 0;
  });

  describe('LuisRecognizer', () => {
    const luis = () => new LuisRecognizer({ endpoint, appId: APP_ID, predictionKey: 'luis-key', slot: 'production' });

    it('calls the v3 slot prediction URL with the key and maps LUIS intents to ours', async () => {
      standIn.reply = (s) => ({ status: 200, body: luisBody((s.body as { query: string }).query) });
      const r = await luis().recognize('能分12期吗 每月还一千五', context);
      const seen = standIn.seen[0];
      expect(seen.method).to.equal('POST');
      expect(seen.url).to.match(new RegExp(`^/luis/prediction/v3\\.0/apps/${APP_ID}/slots/production/predict\\?`));
      expect(seen.url).to.include('show-all-intents=true');
      expect(seen.headers['ocp-apim-subscription-key']).to.equal('luis-key');
      expect(seen.body).to.deep.equal({ query: '能分12期吗 每月还一千五' });
      expect(r).to.include({ source: 'luis', intent: 'installment_plan', score: 0.91, language: 'zh-Hans' });
      expect(r.runnerUp).to.deep.equal({ intent: 'negotiation_refused', score: 0.2 });
      expect(r.scores.none).to.equal(0.05);
      expect(r.entities.map((e) => e.type)).to.deep.equal(['installments', 'money']);
    });

    it('fails with RECOGNIZER_UNAVAILABLE on an HTTP error', async () => {
      standIn.reply = () => ({ status: 401, body: { error: { code: '401', message: 'Access denied due to invalid subscription key.' } } });
      const err = await luis().recognize('你好', context).then(() => undefined, (e: unknown) => e);
      expect(isBotError(err, 'RECOGNIZER_UNAVAILABLE')).to.equal(true);
    });

    it('fails with RECOGNIZER_UNAVAILABLE on a body without a prediction', async () => {
      standIn.reply = () => ({ status: 200, body: { query: 'x' } });
      const err = await luis().recognize('你好', context).then(() => undefined, (e: unknown) => e);
      expect(isBotError(err, 'RECOGNIZER_UNAVAILABLE')).to.equal(true);
    });
  });

  describe('CluRecognizer', () => {
    const clu = () => new CluRecognizer({ endpoint, key: 'clu-key', projectName: 'borrower', deploymentName: 'prod' });

    it('posts a Conversation task to :analyze-conversations with the key and maps None to none', async () => {
      standIn.reply = () => ({ status: 200, body: cluBody('怎么提高额度') });
      const r = await clu().recognize('怎麼提高額度', context);
      const seen = standIn.seen[0];
      expect(seen.method).to.equal('POST');
      expect(seen.url).to.match(/^\/language\/:analyze-conversations\?api-version=/);
      expect(seen.headers['ocp-apim-subscription-key']).to.equal('clu-key');
      const body = seen.body as { kind: string; analysisInput: { conversationItem: { text: string; language: string } }; parameters: Record<string, string> };
      expect(body.kind).to.equal('Conversation');
      expect(body.analysisInput.conversationItem).to.include({ text: '怎麼提高額度', language: 'zh-hant' });
      expect(body.parameters).to.include({ projectName: 'borrower', deploymentName: 'prod' });
      expect(r).to.include({ source: 'clu', intent: 'none', score: 0.72, language: 'zh-Hant' });
      expect(r.runnerUp).to.deep.equal({ intent: 'credit_report', score: 0.21 });
    });

    it('fails with RECOGNIZER_UNAVAILABLE on an HTTP error', async () => {
      standIn.reply = () => ({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'try later' } } });
      const err = await clu().recognize('你好', context).then(() => undefined, (e: unknown) => e);
      expect(isBotError(err, 'RECOGNIZER_UNAVAILABLE')).to.equal(true);
      expect(standIn.seen).to.have.length(1); // no SDK retries: the fallback decides
    });
  });

  describe('FallbackRecognizer', () => {
    const make = (primary: LuisRecognizer | CluRecognizer, name: string, timeoutMs = 200) => {
      const { logger, lines } = captureLogger();
      const counted: string[] = [];
      const recognizer = new FallbackRecognizer({ primary, fallback: embedded, timeoutMs, logger, name, onFallback: (reason, backend) => counted.push(`${backend}:${reason}`) });
      return { recognizer, lines, counted };
    };

    it('answers from the cloud back end when it is healthy, without fallback', async () => {
      standIn.reply = (s) => ({ status: 200, body: luisBody((s.body as { query: string }).query) });
      const { recognizer, counted } = make(new LuisRecognizer({ endpoint, appId: APP_ID, predictionKey: 'k' }), 'luis');
      const r = await recognizer.recognize('我想分期', context);
      expect(r.source).to.equal('luis');
      expect(r.fallback).to.equal(undefined);
      expect(counted).to.deep.equal([]);
    });

    it('falls back to the embedded recogniser when LUIS is slower than the timeout, and aborts the request', async () => {
      standIn.reply = (s) => ({ status: 200, body: luisBody((s.body as { query: string }).query), delayMs: 1500 });
      const { recognizer, lines, counted } = make(new LuisRecognizer({ endpoint, appId: APP_ID, predictionKey: 'k' }), 'luis', 150);
      const t0 = Date.now();
      const r = await recognizer.recognize('催收天天打我家人电话', context);
      expect(Date.now() - t0).to.be.below(1000);
      expect(r).to.include({ source: 'embedded', fallback: true, intent: 'harassment_complaint' });
      expect(counted).to.deep.equal(['luis:timeout']);
      const logged = lines.map((l) => JSON.parse(l) as { event?: string; reason?: string }).find((l) => l.event === 'nlu.fallback');
      expect(logged).to.include({ reason: 'timeout' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(standIn.closedEarly).to.equal(1);
    });

    it('falls back when CLU answers with an error', async () => {
      standIn.reply = () => ({ status: 500, body: { error: { code: 'InternalServerError', message: 'boom' } } });
      const { recognizer, lines, counted } = make(new CluRecognizer({ endpoint, key: 'k', projectName: 'p', deploymentName: 'd' }), 'clu');
      const r = await recognizer.recognize('逾期会上征信吗', context);
      expect(r).to.include({ source: 'embedded', fallback: true, intent: 'credit_report' });
      expect(counted).to.deep.equal(['clu:error']);
      expect(lines.some((l) => l.includes('"event":"nlu.fallback"') && l.includes('"reason":"error"'))).to.equal(true);
    });

    it('falls back when the service cannot be reached at all', async () => {
      const { recognizer, counted } = make(new CluRecognizer({ endpoint: 'http://127.0.0.1:9', key: 'k', projectName: 'p', deploymentName: 'd' }), 'clu', 2000);
      const r = await recognizer.recognize('转人工', context);
      expect(r).to.include({ source: 'embedded', fallback: true, intent: 'human_agent' });
      expect(counted).to.deep.equal(['clu:error']);
    });
  });
});
