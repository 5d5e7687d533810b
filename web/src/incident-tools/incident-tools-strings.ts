/** Strings of the incident page's tools: roles, severity, checklists, templates (keys prefixed `tools.`). */
export const incidentToolsStringsEn = {
  'tools.roles': 'Roles',
  'tools.role.commander': 'Commander',
  'tools.role.communications': 'Communications',
  'tools.role.operations': 'Operations',
  'tools.role.scribe': 'Scribe',
  'tools.takeRole': 'Take it',
  'tools.severity': 'Severity',
  'tools.severityReason': 'Why (for the timeline)',
  'tools.changeSeverity': 'Change severity',
  'tools.checklists': 'Checklists',
  'tools.noChecklist': 'No checklist on this incident.',
  'tools.attachChecklist': 'Add a checklist',
  'tools.attach': 'Add',
  'tools.startFromTemplate': 'Start from a template',
};

/** French strings of the incident tools: the type makes a missing key a compile error. */
export const incidentToolsStringsFr: Record<keyof typeof incidentToolsStringsEn, string> = {
  'tools.roles': 'Rôles',
  'tools.role.commander': 'Responsable d’incident',
  'tools.role.communications': 'Communication',
  'tools.role.operations': 'Opérations',
  'tools.role.scribe': 'Scribe',
  'tools.takeRole': 'Je le prends',
  'tools.severity': 'Sévérité',
  'tools.severityReason': 'Pourquoi (pour la chronologie)',
  'tools.changeSeverity': 'Changer la sévérité',
  'tools.checklists': 'Listes de contrôle',
  'tools.noChecklist': 'Aucune liste de contrôle sur cet incident.',
  'tools.attachChecklist': 'Ajouter une liste de contrôle',
  'tools.attach': 'Ajouter',
  'tools.startFromTemplate': 'Partir d’un modèle',
};
