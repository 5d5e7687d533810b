const frenchWords =
  /\b(le|la|les|des|du|de|et|est|une?|pour|avec|sur|dans|vérifier|redémarrer|si|pas|cache|erreurs?|données|à)\b/gi;
const englishWords = /\b(the|and|is|are|a|an|for|with|on|in|check|restart|if|not|errors?|data|to|of)\b/gi;

/** French or English, by counting common words (the seeds are French, the defaults English). */
export function detectLanguage(text: string): 'fr' | 'en' {
  const french = text.match(frenchWords)?.length ?? 0;
  const english = text.match(englishWords)?.length ?? 0;
  return french > english ? 'fr' : 'en';
}
