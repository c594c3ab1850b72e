import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('configuration from the environment', () => {
  it('has the contract defaults (ENV-1)', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.PORT).toBe(8787);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.dataDir).toBe('/srv/app/data');
    expect(config.mockDataDir).toBe('/srv/app/mock_data');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('ENV-8: names the variable and the value that are wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('ENV-6: refuses a non-loopback bind without AUTH_SECRET unless ALLOW_INSECURE=1', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/AUTH_SECRET/);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_INSECURE: '1' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0', AUTH_SECRET: 'a-long-enough-secret' }).HOST).toBe('0.0.0.0');
  });
});
