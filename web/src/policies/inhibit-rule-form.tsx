import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { InhibitPreviewPanel } from './inhibit-preview';
import type { InhibitRule } from './policies-types';

const fields = ['/name', '/sourceMatchers', '/targetMatchers', '/equal'] as const;

// One matcher a line, as people paste them from an Alertmanager file; blank lines are spacing.
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * Adds an inhibition rule, matchers typed as Alertmanager text (`alertname=~"Node.*"`). The
 * server parses and compiles them, so its message for a bad one (a regex that does not compile,
 * an unknown operator) shows under the box it came from, naming the line. While typing, the
 * preview says which firing alerts the rule would mute.
 */
export function InhibitRuleForm({ onCreated }: { onCreated: (rule: InhibitRule) => void }) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [equal, setEqual] = useState('');

  const draft = useMemo(
    () => ({
      sourceMatchers: linesOf(source),
      targetMatchers: linesOf(target),
      equal: equal
        .split(',')
        .map((label) => label.trim())
        .filter((label) => label !== ''),
    }),
    [source, target, equal],
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(async () => {
      const rule = await api<InhibitRule>('POST', '/api/v1/inhibit-rules', { name: name.trim(), ...draft });
      setName('');
      setSource('');
      setTarget('');
      setEqual('');
      onCreated(rule);
    });
  };

  const box = (path: (typeof fields)[number], label: string, value: string, set: (next: string) => void) => (
    <label className="block">
      <span>{label}</span>
      <textarea
        rows={2}
        value={value}
        onChange={(event) => set(event.target.value)}
        spellCheck={false}
        data-testid={`inhibit${path.replace('/', '-')}`}
        {...form.describe(path)}
      />
      <span className="hint">{t('policies.inhibit.matchersHint')}</span>
      <FieldError form={form} path={path} />
    </label>
  );

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="inhibit-create-heading"
      noValidate
    >
      <h2 id="inhibit-create-heading">{t('policies.inhibit.create')}</h2>
      <label className="block">
        <span>{t('policies.inhibit.name')}</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="inhibit-name"
          {...form.describe('/name')}
        />
        <FieldError form={form} path="/name" />
      </label>
      {box('/sourceMatchers', t('policies.inhibit.source'), source, setSource)}
      {box('/targetMatchers', t('policies.inhibit.target'), target, setTarget)}
      <label className="block">
        <span>{t('policies.inhibit.equal')}</span>
        <input
          value={equal}
          onChange={(event) => setEqual(event.target.value)}
          data-testid="inhibit-equal"
          {...form.describe('/equal')}
        />
        <span className="hint">{t('policies.inhibit.equalHint')}</span>
        <FieldError form={form} path="/equal" />
      </label>
      <InhibitPreviewPanel draft={draft} />
      <FormError form={form} />
      <button type="submit" disabled={form.busy} data-testid="inhibit-submit">
        {t('policies.inhibit.submit')}
      </button>
    </form>
  );
}
