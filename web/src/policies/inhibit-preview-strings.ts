/** English strings of the "would mute N alerts now" preview of an inhibition rule (keys `policies.inhibitPreview.`). */
export const inhibitPreviewStringsEn = {
  'policies.inhibitPreview.title': 'What it would mute now',
  'policies.inhibitPreview.waiting': 'Type source and target matchers to see which firing alerts this rule would mute.',
  'policies.inhibitPreview.problem': 'The preview waits for valid matchers: {message}',
  'policies.inhibitPreview.muted': 'Would mute {n} firing alerts now',
  'policies.inhibitPreview.mutedOne': 'Would mute 1 firing alert now',
  'policies.inhibitPreview.mutedNone': 'Would mute no firing alert now',
  'policies.inhibitPreview.sources': '{n} firing alerts match the source matchers.',
  'policies.inhibitPreview.sourcesOne': '1 firing alert matches the source matchers.',
  'policies.inhibitPreview.capped':
    'More than {limit} alerts fire: only the {limit} most recently seen were examined, so the real count may be higher.',
  'policies.inhibitPreview.mutedBy': 'muted by “{source}”',
  'policies.inhibitPreview.more': 'and {n} more.',
};

/** French strings of the inhibition preview: the type makes a missing key a compile error. */
export const inhibitPreviewStringsFr: Record<keyof typeof inhibitPreviewStringsEn, string> = {
  'policies.inhibitPreview.title': 'Ce qu’elle rendrait muet maintenant',
  'policies.inhibitPreview.waiting':
    'Saisissez les sélecteurs de la source et de la cible pour voir quelles alertes actives cette règle rendrait muettes.',
  'policies.inhibitPreview.problem': 'L’aperçu attend des sélecteurs valides : {message}',
  'policies.inhibitPreview.muted': 'Rendrait muettes {n} alertes actives maintenant',
  'policies.inhibitPreview.mutedOne': 'Rendrait muette 1 alerte active maintenant',
  'policies.inhibitPreview.mutedNone': 'Ne rendrait muette aucune alerte active maintenant',
  'policies.inhibitPreview.sources': '{n} alertes actives correspondent aux sélecteurs de la source.',
  'policies.inhibitPreview.sourcesOne': '1 alerte active correspond aux sélecteurs de la source.',
  'policies.inhibitPreview.capped':
    'Plus de {limit} alertes sont actives : seules les {limit} vues le plus récemment ont été examinées, le nombre réel peut être plus élevé.',
  'policies.inhibitPreview.mutedBy': 'rendue muette par « {source} »',
  'policies.inhibitPreview.more': 'et {n} autres.',
};
