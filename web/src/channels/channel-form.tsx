import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { FieldError, FormActions, useAdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import type { ChannelKindInfo, ChannelRecord } from './channels-types';
import { ConfigFields } from './config-fields';
import { KindSelect } from './kind-select';
import { configOf, fieldsOf, initialValues, type FieldValues, type SchemaNode } from './schema-fields';

/**
 * Adds a channel, or edits one (`existing`): id (new only), name, kind (new only), enabled, and
 * the kind's settings, generated from its schema. Saving PUTs the whole channel; secrets left
 * empty are kept. The kinds and their schemas are the server's: a new kind needs no change here.
 */
export function ChannelForm({
  kinds,
  existing,
  onSaved,
  onCancel,
}: {
  kinds: readonly ChannelKindInfo[];
  existing: ChannelRecord | null;
  onSaved: (channel: ChannelRecord) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [id, setId] = useState(existing?.id ?? '');
  const [name, setName] = useState(existing?.name ?? '');
  const [enabled, setEnabled] = useState(existing?.enabled ?? true);
  const [kind, setKind] = useState<string>(existing?.kind ?? kinds[0]?.kind ?? '');
  const info = kinds.find((candidate) => candidate.kind === kind);
  const fields = useMemo(() => (info === undefined ? [] : fieldsOf(info.schema as SchemaNode)), [info]);
  const stored = existing?.kind === kind ? existing.config : undefined;
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields, stored));
  const form = useAdminForm(['/id', '/name', '/config', ...fields.map((field) => `/config${field.path}`)]);
  const headingId = `channel-form-${existing?.id ?? 'new'}`;

  const chooseKind = (next: string) => {
    setKind(next);
    const nextInfo = kinds.find((candidate) => candidate.kind === next);
    setValues(initialValues(nextInfo === undefined ? [] : fieldsOf(nextInfo.schema), undefined));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { name: name.trim(), enabled, config: configOf(kind, fields, values, stored) };
    await form.submit(async () => {
      const saved = await api<ChannelRecord>(
        'PUT',
        `/api/v1/notification-channels/${encodeURIComponent(id.trim())}`,
        body,
      );
      if (existing === null) {
        setId('');
        setName('');
        setValues(initialValues(fields, undefined));
      }
      onSaved(saved);
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form channel-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby={headingId}
      noValidate
      data-testid={existing === null ? 'channel-create-form' : 'channel-edit-form'}
    >
      <h2 id={headingId}>
        {existing === null ? t('channels.create') : t('channels.editTitle', { name: existing.name })}
      </h2>
      {existing === null && (
        <label>
          <span>{t('channels.id')}</span>
          <input
            required
            autoCapitalize="none"
            value={id}
            onChange={(event) => setId(event.target.value)}
            data-testid="channel-id"
            {...form.describe('/id')}
          />
          <span className="hint">{t('channels.idHint')}</span>
          <FieldError form={form} path="/id" />
        </label>
      )}
      <label>
        <span>{t('channels.name')}</span>
        <input
          required
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="channel-name"
          {...form.describe('/name')}
        />
        <FieldError form={form} path="/name" />
      </label>
      {existing === null && (
        <KindSelect label={t('channels.kind')} kinds={kinds} value={kind} onChange={chooseKind} testId="channel-kind" />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        <span>{t('channels.enabled')}</span>
      </label>
      <fieldset>
        <legend>{t('channels.settings', { kind: info?.label ?? kind })}</legend>
        <ConfigFields
          fields={fields}
          values={values}
          stored={stored}
          form={form}
          onChange={(path, value) => setValues((before) => ({ ...before, [path]: value }))}
        />
        <FieldError form={form} path="/config" />
      </fieldset>
      <FormActions
        form={form}
        canSubmit={info !== undefined}
        submitLabel={existing === null ? t('channels.createSubmit') : t('channels.editSubmit')}
        saveTestId="channel-save"
        onCancel={onCancel}
      />
    </form>
  );
}
