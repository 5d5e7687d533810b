/**
 * A configuration field's description in English (as JSON Schema and OpenAPI show it) and in
 * French (`x-description-fr`, which the console shows to French readers). Kinds' schemas (channels,
 * probes…) feed both the API documentation and the console's generated forms: a hint written once
 * here reaches both, in both languages.
 */
export function fieldHint(en: string, fr: string): { description: string; 'x-description-fr': string } {
  return { description: en, 'x-description-fr': fr };
}
