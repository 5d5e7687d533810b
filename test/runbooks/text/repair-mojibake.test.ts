import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mojibakeCodepages } from '../../../src/runbooks/text/codepages.js';
import { repairMojibake } from '../../../src/runbooks/text/repair-mojibake.js';

const sample = 'Données dégradées — coût 5 € ✅ 🚨 “guillemets” l’équipe à Zürich';

/** What a tool does when it reads UTF-8 as `codepage` and saves the result as UTF-8 again. */
function misread(text: string, codepage: string): string {
  return iconv.decode(Buffer.from(text, 'utf8'), codepage);
}

/** Correct text that must come back untouched, the same string. */
const correctTexts = [
  'Données',
  'Zürich',
  'naïve',
  '€',
  '—',
  '5 € – 10 €',
  '🚨 ✅ ❌ ⚠️',
  '👨‍💻',
  '1️⃣',
  '日本語のテキスト',
  '中文',
  'SÃO PAULO',
  'IRMÃ E IRMÃO',
  'São Paulo',
  'Ãgua',
  'café\u00a0»',
  '«\u00a0Données\u00a0»',
  'CAFÉ\u00a0: ÉTÉ\u00a0; NOËL\u00a0!',
  'Größe',
  'Œuvre',
  'cœur',
  '½ × ¾',
  '°C ±2',
  '“É”',
  'l’été',
  'Ça va',
  'Привет, мир',
  'Ελληνικά',
  'ğüşıöç İstanbul',
  'zażółć gęślą jaźń',
  'Ä…',
  'â…»',
  'ÅÄÖ åäö',
  '¿Qué?',
  '¡Olé!',
  'ÀÉÈÙ',
  'ß«',
  'Ã',
  'Â',
  'ﬁn',
  'x\u00a0→\u00a0y',
];

describe('repairMojibake', () => {
  it.each(mojibakeCodepages)('repairs French text with emoji misread as %s', (codepage) => {
    const damaged = misread(sample, codepage);
    expect(damaged).not.toBe(sample);
    const { text, repairs } = repairMojibake(damaged);
    expect(text).toBe(sample);
    expect(repairs.codepage).toBe(codepage);
    expect(repairs.unrepaired).toBe(0);
    expect(repairs.count).toBe(13);
  });

  it('repairs the textbook cases', () => {
    expect(repairMojibake('DonnÃ©es').text).toBe('Données');
    expect(repairMojibake('lâ€™Ã©quipe').text).toBe('l’équipe');
    expect(repairMojibake('âœ… ok, âŒ ko').text).toBe('✅ ok, ❌ ko');
    expect(repairMojibake('ğŸš¨ Alerte').text).toBe('🚨 Alerte');
    expect(repairMojibake('Performance d√©grad√©e').text).toBe('Performance dégradée');
  });

  it('repairs text decoded the way browsers do, undefined bytes as C1 controls', () => {
    const damaged = new TextDecoder('windows-1252').decode(Buffer.from(sample, 'utf8'));
    expect(damaged).toContain('\u009d');
    expect(repairMojibake(damaged).text).toBe(sample);
  });

  it.each(['windows-1252', 'windows-1254'])('repairs %s mojibake whose undefined bytes were dropped', (codepage) => {
    const damaged = misread(sample, codepage).replaceAll('\ufffd', '');
    expect(damaged).toContain('guillemetsâ€ ');
    expect(repairMojibake(damaged)).toMatchObject({ text: sample, repairs: { unrepaired: 0 } });
  });

  it('repairs a no-break space that an editor turned into a plain space', () => {
    const original = 'Voilà la procédure : redémarrer à chaud ⚠️ et ça marche. Déjà vu à Paris';
    const damaged = misread(original, 'windows-1252').replaceAll('\u00a0', ' ');
    expect(damaged).toContain('VoilÃ  la');
    const { text, repairs } = repairMojibake(damaged);
    expect(text).toBe(original);
    expect(repairs.examples).toContainEqual({ from: 'Ã ', to: 'à', line: 1 });
    expect(repairs.examples).toContainEqual({ from: 'âš ï¸\ufffd', to: '⚠️', line: 1 });
  });

  it('does not take a space for a lost no-break space in a file that kept its no-break spaces', () => {
    const damaged = `${misread('Données à jour ', 'windows-1254')}${misread('❌ ko', 'windows-1254').replace('\ufffd', '')}`;
    expect(damaged).toBe('DonnÃ©es Ã\u00a0 jour âŒ ko');
    expect(repairMojibake(damaged).text).toBe('Données à jour ❌ ko');
  });

  it('leaves a run it cannot repair unambiguously untouched, and counts it', () => {
    // 📞 is F0 9F 93 9E; 0x9E has no Windows-1254 character, and 📁 📍 📎 📏 📐 📝 lose a byte the same way.
    const damaged = misread('🚨 Données\n📞 Campagne appels\n', 'windows-1254').replace('\ufffd', '');
    expect(damaged).toBe('ğŸš¨ DonnÃ©es\nğŸ“ Campagne appels\n');
    const { text, repairs } = repairMojibake(damaged);
    expect(text).toBe('🚨 Données\nğŸ“ Campagne appels\n');
    expect(repairs).toMatchObject({ codepage: 'windows-1254', count: 2, unrepaired: 1 });
  });

  it('reports the first twenty repairs with their line numbers', () => {
    const damaged = misread(
      Array.from({ length: 30 }, (_, i) => `ligne ${i + 1} : données`).join('\n'),
      'windows-1252',
    );
    const { repairs } = repairMojibake(damaged);
    expect(repairs.count).toBe(30);
    expect(repairs.examples).toHaveLength(20);
    expect(repairs.examples[0]).toEqual({ from: 'Ã©', to: 'é', line: 1 });
    expect(repairs.examples[19]).toEqual({ from: 'Ã©', to: 'é', line: 20 });
  });

  it.each(correctTexts)('leaves correct text untouched: %s', (correct) => {
    const result = repairMojibake(correct);
    expect(result.text).toBe(correct);
    expect(result.repairs.count).toBe(0);
  });

  it('leaves correct text untouched in a paragraph of it', () => {
    const paragraph = correctTexts.map((text) => `- ${text} ok`).join('\n');
    expect(repairMojibake(paragraph)).toEqual({
      text: paragraph,
      repairs: { codepage: null, count: 0, examples: [], unrepaired: 0 },
    });
  });

  it('repairs mojibake next to correct text without touching the correct text', () => {
    const { text, repairs } = repairMojibake('Zürich, naïve, « Données » et DonnÃ©es à coût 5 €');
    expect(text).toBe('Zürich, naïve, « Données » et Données à coût 5 €');
    expect(repairs.count).toBe(1);
  });

  it('keeps repairs into unrelated scripts for files damaged throughout', () => {
    // é + NBSP + » is the UTF-8 of 頻: correct French typography, not damage, in a clean file...
    expect(repairMojibake('Un café\u00a0» puis un thé\u00a0».').text).toBe('Un café\u00a0» puis un thé\u00a0».');
    // ...whereas Cyrillic mojibake among French mojibake is repaired.
    const damaged = misread('Données, Привет, équipe', 'windows-1252');
    expect(repairMojibake(damaged).text).toBe('Données, Привет, équipe');
  });
});
