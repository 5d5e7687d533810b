import { useId, useState } from 'react';
import { FieldError, type AdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import {
  ruleKinds,
  ruleOf,
  tryParameter,
  type ParameterRule,
  type RuleDraft,
  type RuleKind,
  type RunbookParameter,
} from './execution-settings-model';

interface Props {
  parameter: RunbookParameter;
  draft: RuleDraft;
  onChange: (draft: RuleDraft) => void;
  form: AdminForm;
  readOnly: boolean;
}

/**
 * One parameter's rule: its kind, pattern and allowed values, with a value to try against the rule
 * as it is being written, so a pattern is checked on examples before any run depends on it. The
 * server's message for a field (a pattern that does not compile) shows under that field.
 */
export function ParameterRuleEditor({ parameter, draft, onChange, form, readOnly }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [tried, setTried] = useState('');
  const path = `/parameters/${parameter.name}`;
  const outcome = tryParameter(parameter, ruleOf(draft) ?? {}, tried);
  const ruleText = (rule: ParameterRule) =>
    [
      rule.pattern === undefined ? null : t('runbooks.exec.rule.pattern', { pattern: rule.pattern }),
      rule.allowed === undefined ? null : t('runbooks.exec.rule.allowed', { values: rule.allowed.join(', ') }),
    ]
      .filter((part) => part !== null)
      .join('; ');
  const withPattern = draft.kind === 'pattern' || draft.kind === 'both';
  const withAllowed = draft.kind === 'allowed' || draft.kind === 'both';

  return (
    <fieldset className="parameter-rule" data-testid="parameter-rule" data-name={parameter.name}>
      <legend>
        <code>{parameter.name}</code>
        {parameter.secret && <span className="parameter-secret"> · {t('runbooks.exec.secret')}</span>}
      </legend>
      <p className="hint">
        {parameter.steps.length === 0
          ? t('runbooks.exec.unused')
          : t('runbooks.exec.usedIn', {
              tokens: parameter.tokens.join(', '),
              count: parameter.steps.length,
              steps: parameter.steps.join(', '),
            })}
      </p>
      {parameter.stepRules.map(({ step, rule }) => (
        <p key={step} className="hint" data-testid="step-rule">
          {t('runbooks.exec.stepRule', { step, rule: ruleText(rule) })}
        </p>
      ))}
      <label>
        <span>{t('runbooks.exec.kind')}</span>
        <select
          value={draft.kind}
          disabled={readOnly}
          onChange={(event) => onChange({ ...draft, kind: event.target.value as RuleKind })}
          data-testid="rule-kind"
        >
          {ruleKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`runbooks.exec.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {withPattern && (
        <label>
          <span>{t('runbooks.exec.pattern')}</span>
          <input
            className="rule-pattern"
            value={draft.pattern}
            readOnly={readOnly}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onChange({ ...draft, pattern: event.target.value })}
            data-testid="rule-pattern"
            {...form.describe(`${path}/pattern`)}
          />
          <span className="hint">{t('runbooks.exec.patternHint')}</span>
          <FieldError form={form} path={`${path}/pattern`} />
        </label>
      )}
      {withAllowed && (
        <label>
          <span>{t('runbooks.exec.allowed')}</span>
          <textarea
            rows={3}
            value={draft.allowed}
            readOnly={readOnly}
            onChange={(event) => onChange({ ...draft, allowed: event.target.value })}
            data-testid="rule-allowed"
            {...form.describe(`${path}/allowed`)}
          />
          <FieldError form={form} path={`${path}/allowed`} />
        </label>
      )}
      <label className="rule-try">
        <span>{t('runbooks.exec.try', { name: parameter.name })}</span>
        <input
          type={parameter.secret ? 'password' : 'text'}
          value={tried}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTried(event.target.value)}
          aria-describedby={`${id}-outcome`}
          data-testid="rule-try"
        />
      </label>
      <output
        id={`${id}-outcome`}
        className={`rule-outcome rule-${outcome}`}
        aria-live="polite"
        data-testid="rule-outcome"
        data-outcome={outcome}
      >
        {t(`runbooks.exec.try.${outcome}`)}
      </output>
    </fieldset>
  );
}
