import { useI18n } from '../i18n';
import { sourceLineId, type RiskLevel, type Step } from './runbook-types';

/** A step's risk in words and colour; destructive is the one to read twice before running. */
export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const { t } = useI18n();
  return (
    <span className={`risk risk-${risk}`} data-testid="risk-badge" data-risk={risk}>
      {t(`runbooks.risk.${risk}`)}
    </span>
  );
}

/**
 * One step: its code as written (or the prose of a manual step), its risk with the reasons the
 * analysis gave, and the placeholders someone will have to fill in.
 */
export function RunbookStep({ step }: { step: Step }) {
  const { t } = useI18n();
  const manual = step.kind === 'manual';
  return (
    <li
      className={`runbook-step step-${step.kind}`}
      data-testid="runbook-step"
      data-step-id={step.id}
      data-risk={step.risk}
    >
      <div className="step-head">
        <span className="step-id">{step.id}</span>
        {step.title !== null && <strong className="step-title">{step.title}</strong>}
        {manual ? (
          <span className="step-manual" data-testid="step-manual">
            {t('runbooks.manualStep')}
          </span>
        ) : (
          <RiskBadge risk={step.risk} />
        )}
        {step.phase !== null && <span className="step-phase">{t(`runbooks.phase.${step.phase}`)}</span>}
        <a className="step-lines" href={`#${sourceLineId(step.lines.start)}`}>
          {t('runbooks.lines', { start: step.lines.start, end: step.lines.end })}
        </a>
      </div>
      {manual ? (
        <p className="step-prose">{step.body}</p>
      ) : (
        <pre
          className="step-code"
          data-testid="step-code"
          tabIndex={0}
          aria-label={t('runbooks.stepCode', { id: step.id, language: step.language ?? '?' })}
        >
          <code>{step.body}</code>
        </pre>
      )}
      {!manual && step.riskReasons.length > 0 && (
        <ul className="risk-reasons" aria-label={t('runbooks.riskReasons')} data-testid="risk-reasons">
          {step.riskReasons.map((reason, index) => (
            <li key={index}>
              <RiskBadge risk={reason.level} /> <code>{reason.command}</code> — {reason.reason}
            </li>
          ))}
        </ul>
      )}
      {step.parameters.length > 0 && (
        <dl className="step-parameters" data-testid="step-parameters">
          <dt>{t('runbooks.parameters')}</dt>
          {step.parameters.map((parameter) => (
            <dd key={parameter.token}>
              <code>{parameter.token}</code>
              {parameter.secret && <span className="secret-mark"> {t('runbooks.secret')}</span>}
              {parameter.description !== null
                ? ` — ${parameter.description}`
                : ` — ${t('runbooks.parameterUnexplained')}`}
            </dd>
          ))}
        </dl>
      )}
      {step.inlineSecrets.length > 0 && (
        <p className="step-warning" role="note">
          {t('runbooks.inlineSecrets', { lines: step.inlineSecrets.map((secret) => secret.line).join(', ') })}
        </p>
      )}
      {step.parseError !== null && (
        <p className="step-warning" role="note">
          {t('runbooks.parseError', { reason: step.parseError })}
        </p>
      )}
    </li>
  );
}
