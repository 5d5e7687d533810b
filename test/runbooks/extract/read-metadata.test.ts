import { describe, expect, it } from 'vitest';
import { foldMetadata, readMetadataPairs } from '../../../src/runbooks/extract/read-metadata.js';

describe('reading runbook metadata', () => {
  it('reads RTO and RPO durations the way drafts read them, hours and minutes together', () => {
    const metadata = foldMetadata(readMetadataPairs('**RTO** : 1h30 | **RPO** : 15 mn'), {});
    expect(metadata.rto).toEqual({ raw: '1h30', minutes: 90 });
    expect(metadata.rpo).toEqual({ raw: '15 mn', minutes: 15 });
  });

  it('keeps a duration it cannot read as text only', () => {
    expect(foldMetadata(readMetadataPairs('**RTO**: N/A'), {}).rto).toEqual({ raw: 'N/A', minutes: null });
  });
});
