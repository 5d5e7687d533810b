import { useI18n } from '../i18n';
import { RunbookStep } from './runbook-step';
import type { RunbookDetail } from './runbook-types';

type Structure = RunbookDetail['structure'];

/**
 * The runbook as Astreinte understood it: what it is about (impact, recovery targets, services,
 * symptoms), then each section with its prose and its steps in order. Read beside the Markdown,
 * it shows at a glance what the import made of each part.
 */
export function RunbookStructureView({ structure }: { structure: Structure }) {
  const { language, t } = useI18n();
  const { metadata } = structure;
  const facts: [string, string][] = [];
  if (metadata.reference !== null) facts.push([t('runbooks.reference'), metadata.reference]);
  if (metadata.impact !== null) facts.push([t('runbooks.impact'), metadata.impact]);
  if (metadata.rto !== null) facts.push([t('runbooks.rto'), metadata.rto.raw]);
  if (metadata.rpo !== null) facts.push([t('runbooks.rpo'), metadata.rpo.raw]);
  if (metadata.services.length > 0) facts.push([t('runbooks.services'), metadata.services.join(', ')]);
  return (
    <section className="runbook-structure" aria-labelledby="runbook-structure-heading" data-testid="runbook-structure">
      <h2 id="runbook-structure-heading">{t('runbooks.structure')}</h2>
      {facts.length > 0 && (
        <dl className="runbook-meta">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {structure.symptoms.length > 0 && (
        <div className="runbook-symptoms" lang={structure.language}>
          <h3>{t('runbooks.symptoms')}</h3>
          <ul>
            {structure.symptoms.map((symptom, index) => (
              <li key={index}>
                {symptom.text}
                {symptom.terms.length > 0 && (
                  <span className="symptom-terms">
                    {' '}
                    ({t('runbooks.matchedTerms')}:{' '}
                    {symptom.terms.map((term) => (
                      <code key={term}>{term}</code>
                    ))}
                    )
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {structure.sections.length === 0 && <p className="empty">{t('runbooks.noSections')}</p>}
      {structure.sections.map((section, index) => (
        <section
          key={index}
          className={`runbook-section section-${section.kind}`}
          data-testid="runbook-section"
          data-kind={section.kind}
          lang={structure.language}
        >
          <h3>
            {section.title}
            {/* The kind Astreinte read the title as, unless the title already says it. */}
            {section.title.toLowerCase() !== t(`runbooks.section.${section.kind}`).toLowerCase() && (
              <span className="section-kind" lang={language}>
                {' '}
                {t(`runbooks.section.${section.kind}`)}
              </span>
            )}
          </h3>
          {section.text !== '' && <p className="section-text">{section.text}</p>}
          {section.steps.length > 0 && (
            <ol className="runbook-steps">
              {section.steps.map((step) => (
                <RunbookStep key={step.id} step={step} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  );
}
