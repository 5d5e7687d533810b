import { useMemo, useState, type FormEvent } from 'react';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Runner } from '../runners/runners-api';
import {
  destructiveStepCount,
  draftOf,
  ruleOf,
  runbookParameters,
  type ExecutionSettings,
  type ParameterRule,
  type RuleDraft,
} from './execution-settings-model';
import { ParameterRuleEditor } from './parameter-rule-editor';
import { RunnerSelectorField } from './runner-selector-field';
import { runbookApiPath, type RunbookDetail } from './runbook-types';

interface Props {
  runbookId: string;
  detail: RunbookDetail;
  settings: Required<ExecutionSettings>;
  runners: readonly Runner[] | null;
  readOnly: boolean;
  onSaved: (settings: Required<ExecutionSettings>) => void;
}

/**
 * The settings as one form, saved at once (the API replaces them whole): a rule per parameter,
 * self-approval, the runner selector. The server's 400 names each failing field by its path
 * (`/parameters/task_id/pattern`, `/runner`); each message shows under its field and nothing is saved.
 */
export function ExecutionSettingsForm({ runbookId, detail, settings, runners, readOnly, onSaved }: Props) {
  const { t } = useI18n();
  const parameters = useMemo(() => runbookParameters(detail, settings.parameters), [detail, settings.parameters]);
  const fields = useMemo(
    () => [
      '/allowSelfApproval',
      '/runner',
      ...parameters.flatMap(({ name }) => [`/parameters/${name}/pattern`, `/parameters/${name}/allowed`]),
    ],
    [parameters],
  );
  const form = useAdminForm(fields);
  const [drafts, setDrafts] = useState<Record<string, RuleDraft>>(() =>
    Object.fromEntries(parameters.map(({ name }) => [name, draftOf(settings.parameters[name])])),
  );
  const [selfApproval, setSelfApproval] = useState(settings.allowSelfApproval);
  const [runner, setRunner] = useState(settings.runner);
  const [saved, setSaved] = useState(false);
  const destructive = destructiveStepCount(detail);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const rules: Record<string, ParameterRule> = {};
    for (const [name, draft] of Object.entries(drafts)) {
      const rule = ruleOf(draft);
      if (rule !== undefined) rules[name] = rule;
    }
    const body: ExecutionSettings = { allowSelfApproval: selfApproval, parameters: rules, runner: runner.trim() };
    const ok = await form.submit(async () => {
      onSaved(await api<Required<ExecutionSettings>>('PUT', runbookApiPath(runbookId, '/execution-settings'), body));
    });
    setSaved(ok);
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form execution-settings-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="execution-settings-form"
    >
      <section aria-labelledby="exec-parameters-heading" className="parameter-rules">
        <h2 id="exec-parameters-heading">{t('runbooks.exec.parameters')}</h2>
        {parameters.length === 0 && <p className="hint">{t('runbooks.exec.noParameters')}</p>}
        {parameters.map((parameter) => (
          <ParameterRuleEditor
            key={parameter.name}
            parameter={parameter}
            draft={drafts[parameter.name] ?? draftOf(undefined)}
            onChange={(draft) => setDrafts((before) => ({ ...before, [parameter.name]: draft }))}
            form={form}
            readOnly={readOnly}
          />
        ))}
      </section>
      <fieldset>
        <legend>{t('runbooks.exec.approval')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            role="switch"
            checked={selfApproval}
            disabled={readOnly}
            onChange={(event) => setSelfApproval(event.target.checked)}
            aria-describedby="exec-self-approval-meaning"
            data-testid="self-approval"
            {...form.describe('/allowSelfApproval')}
          />
          <span>{t('runbooks.exec.selfApproval')}</span>
        </label>
        <p id="exec-self-approval-meaning" className="switch-meaning" data-testid="self-approval-meaning">
          {t(selfApproval ? 'runbooks.exec.selfApproval.on' : 'runbooks.exec.selfApproval.off', {
            count: destructive,
          })}
        </p>
        <FieldError form={form} path="/allowSelfApproval" />
      </fieldset>
      <RunnerSelectorField value={runner} onChange={setRunner} runners={runners} form={form} readOnly={readOnly} />
      <FormError form={form} />
      {!readOnly && (
        <div className="row-actions">
          <button type="submit" disabled={form.busy} data-testid="execution-settings-save">
            {form.busy ? t('admin.saving') : t('runbooks.exec.save')}
          </button>
          {saved && (
            <span className="success-inline" role="status" data-testid="execution-settings-saved">
              {t('runbooks.exec.saved')}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
