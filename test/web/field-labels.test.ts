import { describe, expect, it } from 'vitest';
import { labelOf, pathLabel } from '../../web/src/channels/field-labels.js';

describe('the labels of generated configuration fields', () => {
  it('name the fields kinds share in the reader’s language', () => {
    expect(pathLabel('/secret', 'en')).toBe('Signing secret');
    expect(pathLabel('/secret', 'fr')).toBe('Secret de signature');
    expect(pathLabel('/url', 'en')).toBe('URL');
    expect(pathLabel('/auth/password', 'fr')).toBe('Identifiants › Mot de passe');
    expect(pathLabel('/tls/serverName', 'en')).toBe('TLS › Server name');
  });

  it("prefer the schema's own title, and spell out a name nobody labelled", () => {
    const node = { type: 'string', title: 'Webhook address', 'x-title-fr': 'Adresse du webhook' };
    expect(labelOf('url', 'fr', node)).toBe('Adresse du webhook');
    expect(labelOf('url', 'en', node)).toBe('Webhook address');
    expect(labelOf('retryBudgetMs', 'fr')).toBe('Retry budget ms');
  });
});
