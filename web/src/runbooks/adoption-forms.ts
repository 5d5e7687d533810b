import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n';
import { AlertRulesAdoptionForm } from './alert-rules-adoption-form';
import { EscalationAdoptionForm } from './escalation-adoption-form';
import type { RunbookDraft } from './runbook-types';
import { TemplateAdoptionForm } from './template-adoption-form';

/** A draft kind whose adoption asks what the document cannot say, and the form that asks it. */
export interface AdoptionForm {
  /** `onAdopted(count)`: how many things it created or changed (1 when unsaid). */
  Form: ComponentType<{ draft: RunbookDraft; onAdopted: (count?: number) => void }>;
  open: MessageKey;
  /** Names the draft, for screen readers meeting several such buttons. */
  openLabel: MessageKey;
  /** Whether an adopted draft offers the form again (another message, rules added since). */
  again: boolean;
}

/**
 * The kinds adopted through a form, by kind (the others adopt from the draft alone, with one
 * button): who escalation levels page, where alert rules' probes report and ask, which message a
 * template writes. The server's `preview` is null for each.
 */
export const adoptionForms: Partial<Record<RunbookDraft['kind'], AdoptionForm>> = {
  'escalation-policy': {
    Form: EscalationAdoptionForm,
    open: 'runbooks.adoptEscalation.open',
    openLabel: 'runbooks.adoptEscalation.openLabel',
    again: false,
  },
  'alert-rules': {
    Form: AlertRulesAdoptionForm,
    open: 'runbooks.adoptRules.open',
    openLabel: 'runbooks.adoptRules.openLabel',
    again: true,
  },
  'communication-template': {
    Form: TemplateAdoptionForm,
    open: 'runbooks.adoptTemplate.open',
    openLabel: 'runbooks.adoptTemplate.openLabel',
    again: true,
  },
};
