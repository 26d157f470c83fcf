import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema, parseConfig } from '../../../services/config/config';

describe('configuration', () => {
  it('parses an empty environment into the embedded defaults', () => {
    const config = parseConfig({});
    expect(config.PORT).to.equal(3978);
    expect(config.REDIS_URL).to.equal(undefined);
    expect(Object.isFrozen(config)).to.equal(true);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '', REDIS_URL: '  ' }).PORT).to.equal(3978);
  });

  it('names every bad variable in one message', () => {
    expect(() => parseConfig({ PORT: 'abc', REDIS_URL: 'not a url', LOG_LEVEL: 'loud' }))
      .to.throw(/PORT[\s\S]*REDIS_URL[\s\S]*LOG_LEVEL/)
      .with.property('code', 'CONFIG_INVALID');
  });

  it('reads LENDER_OFFICIAL_PHONES as a comma-separated list and names a value that is not a phone number', () => {
    expect(parseConfig({}).LENDER_OFFICIAL_PHONES).to.deep.equal([]);
    expect(parseConfig({ LENDER_OFFICIAL_PHONES: '400-000-0001, 021-00000002,' }).LENDER_OFFICIAL_PHONES).to.deep.equal(['400-000-0001', '021-00000002']);
    expect(() => parseConfig({ LENDER_OFFICIAL_PHONES: '400-000-0001,call us' }))
      .to.throw(/LENDER_OFFICIAL_PHONES/)
      .with.property('code', 'CONFIG_INVALID');
    expect(() => parseConfig({ LENDER_OFFICIAL_PHONES: '110' })).to.throw(/LENDER_OFFICIAL_PHONES/);
  });

  it('documents exactly the schema keys in .env.example', () => {
    const text = readFileSync(path.resolve(__dirname, '../../../.env.example'), 'utf8');
    const documented = [...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]).sort();
    const schemaKeys = Object.keys(configSchema.shape).sort();
    expect(documented).to.deep.equal(schemaKeys);
    // Each key has a comment line right above it.
    const lines = text.split('\n');
    for (const key of schemaKeys) {
      const i = lines.findIndex((l) => l.startsWith(`${key}=`));
      expect(lines[i - 1], `comment above ${key}`).to.match(/^#/);
    }
  });
});
