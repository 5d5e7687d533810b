import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { FieldError, FormError, useAdminForm, type AdminForm, type FormErrors } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import type { TemplateEditing, TemplateOverride, TemplatePart } from './policies-types';
import { TemplatePreviewView, usePreview } from './template-preview';

export interface TemplateChoice {
  kind: string;
  locale: string;
  channel: string;
  format: string;
}

/** The parts a channel's format uses (as `renderNotification` reads them): the others would be edited for nothing. */
const chatParts: readonly TemplatePart[] = ['subject', 'short', 'markdown'];
const partsByFormat: Readonly<Record<string, readonly TemplatePart[]>> = {
  email: ['subject', 'text', 'html'],
  sms: ['short'],
  slack: chatParts,
  markdown: chatParts,
};

const pathOf = (choice: TemplateChoice) =>
  `/api/v1/notification-templates/${choice.kind}/${choice.locale}/${encodeURIComponent(choice.channel)}`;

/** One message's template: loads what is saved, then edits it beside its preview. */
export function TemplateEditor({ choice }: { choice: TemplateChoice }) {
  const { t } = useI18n();
  const loaded = useResource<TemplateEditing>(pathOf(choice));
  if (loaded.data === null)
    return loaded.error === null ? (
      <p>{t('app.loading')}</p>
    ) : (
      <LoadError error={loaded.error} onRetry={loaded.reload} />
    );
  return <TemplateForm choice={choice} editing={loaded.data} onSaved={(saved) => loaded.set(saved)} />;
}

function TemplateForm({
  choice,
  editing,
  onSaved,
}: {
  choice: TemplateChoice;
  editing: TemplateEditing;
  onSaved: (saved: TemplateEditing) => void;
}) {
  const { t } = useI18n();
  const parts = partsByFormat[choice.format] ?? chatParts;
  const fields = useMemo(() => parts.map((part) => `/template/${part}`), [parts]);
  const form = useAdminForm(fields);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(parts.map((part) => [part, editing.override?.[part] ?? editing.defaults[part]])),
  );
  const [saved, setSaved] = useState(false);
  // Only what differs from the default is an override: a default edited back stays the default.
  const template: TemplateOverride = useMemo(
    () =>
      Object.fromEntries(
        parts.flatMap((part) => (texts[part] === editing.defaults[part] ? [] : [[part, texts[part]]])),
      ),
    [parts, texts, editing.defaults],
  );
  const request = useMemo(
    () => ({ kind: choice.kind, locale: choice.locale, channel: choice.channel, template }),
    [choice, template],
  );
  const preview = usePreview(request, fields);
  const previewErrors: FormErrors | null = preview.data?.errors ?? null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const ok = await form.submit(async () => {
      await api('PUT', pathOf(choice), { template });
      onSaved({ ...editing, override: Object.keys(template).length === 0 ? null : template });
    });
    setSaved(ok);
  };

  return (
    <div className="template-editor">
      <form
        ref={form.formRef}
        className="admin-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={t('policies.templates.save')}
      >
        <p className="hint">
          {t('policies.templates.variables', { names: Object.keys(editing.variables).join(', ') })}
        </p>
        {parts.map((part) => (
          <PartField
            key={part}
            part={part}
            form={form}
            previewErrors={previewErrors}
            value={texts[part] ?? ''}
            isDefault={texts[part] === editing.defaults[part]}
            onChange={(value) => setTexts((current) => ({ ...current, [part]: value }))}
          />
        ))}
        <FormError form={form} />
        <div className="row-actions">
          <button type="submit" disabled={form.busy} data-testid="template-save">
            {t('policies.templates.save')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setTexts(Object.fromEntries(parts.map((part) => [part, editing.defaults[part]])))}
            data-testid="template-reset"
          >
            {t('policies.templates.reset')}
          </button>
          <span role="status">{saved && <span className="success-inline">{t('policies.templates.saved')}</span>}</span>
        </div>
      </form>
      <section className="template-preview" aria-labelledby="template-preview-heading">
        <h2 id="template-preview-heading">{t('policies.templates.preview')}</h2>
        <LoadError error={preview.error} onRetry={preview.reload} />
        {preview.data?.preview != null && <TemplatePreviewView preview={preview.data.preview} />}
      </section>
    </div>
  );
}

/** One part's box; the preview's complaint about it shows under it as a save's would. */
function PartField({
  part,
  form,
  previewErrors,
  value,
  isDefault,
  onChange,
}: {
  part: TemplatePart;
  form: AdminForm;
  previewErrors: FormErrors | null;
  value: string;
  isDefault: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const path = `/template/${part}`;
  const previewError = previewErrors?.fields[path];
  const errorId = `${form.errorId(path)}-preview`;
  return (
    <label className="block">
      <span>
        {t(`policies.templates.part.${part}`)}{' '}
        <span className="hint">{t(isDefault ? 'policies.templates.default' : 'policies.templates.customized')}</span>
      </span>
      <textarea
        rows={part === 'subject' || part === 'short' ? 2 : 8}
        value={value}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        data-testid={`template-part-${part}`}
        {...form.describe(path)}
        {...(previewError === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': errorId })}
      />
      {previewError !== undefined && (
        <span className="field-error" id={errorId} data-testid={`preview-error-${part}`}>
          {previewError}
        </span>
      )}
      <FieldError form={form} path={path} />
    </label>
  );
}
