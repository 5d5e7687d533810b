import { describe, expect, it } from 'vitest';
import { parseRedisInfo } from '../../../src/probes/checks/redis-info.js';

const sample = [
  '# Server',
  'redis_version:7.0.15',
  'redis_git_sha1:00000000',
  'run_id:1e5b0a62bc10b3c6f601fb30d16812b9cc19aea5',
  'executable:/usr/bin/redis-server',
  'config_file:',
  '',
  '# Memory',
  'used_memory:1015144',
  'used_memory_human:991.35K',
  'maxmemory:0',
  'mem_fragmentation_ratio:12.85',
  'rdb_last_bgsave_status:ok',
  'master_repl_offset:-1',
  '',
  '# Replication',
  'slave0:ip=10.0.0.2,port=6379,state=online,offset=42,lag=0',
  '',
  '# Keyspace',
  'db0:keys=1,expires=0,avg_ttl=0',
].join('\r\n');

describe('parseRedisInfo', () => {
  it('reads every key:value line, section headers and blank lines dropped', () => {
    const info = parseRedisInfo(sample);
    expect(Object.keys(info)).toEqual([
      'redis_version',
      'redis_git_sha1',
      'run_id',
      'executable',
      'config_file',
      'used_memory',
      'used_memory_human',
      'maxmemory',
      'mem_fragmentation_ratio',
      'rdb_last_bgsave_status',
      'master_repl_offset',
      'slave0',
      'db0',
    ]);
  });

  it('turns plain decimals into numbers and leaves other values as text', () => {
    expect(parseRedisInfo(sample)).toMatchObject({
      used_memory: 1015144,
      maxmemory: 0,
      mem_fragmentation_ratio: 12.85,
      master_repl_offset: -1,
      redis_version: '7.0.15',
      used_memory_human: '991.35K',
      executable: '/usr/bin/redis-server',
      config_file: '',
    });
  });

  it('keeps identifiers that only look like numbers as text', () => {
    const info = parseRedisInfo(sample);
    expect(info['redis_git_sha1']).toBe('00000000');
    expect(info['run_id']).toBe('1e5b0a62bc10b3c6f601fb30d16812b9cc19aea5');
  });

  it('reads keyspace and replica lines as objects', () => {
    const info = parseRedisInfo(sample);
    expect(info['db0']).toEqual({ keys: 1, expires: 0, avg_ttl: 0 });
    expect(info['slave0']).toEqual({ ip: '10.0.0.2', port: 6379, state: 'online', offset: 42, lag: 0 });
  });
});
