import type { AdminForm } from '../admin/form-feedback';
import { FieldError } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { pathLabel } from './field-labels';
import { hasStored, hintOf, type FieldSpec, type FieldValues } from './schema-fields';

/** A schema's first example, as a placeholder (`587`, `https://api.twilio.com`). */
function exampleOf(field: FieldSpec): string | undefined {
  const example = field.node.examples?.[0];
  return typeof example === 'string' || typeof example === 'number' ? String(example) : undefined;
}

/**
 * The inputs of a kind's configuration, one per field of its schema: text, number, checkbox, a
 * choice for closed lists, or JSON for maps (a webhook's headers). Secrets are password inputs,
 * always empty: the server never sends one back, and an empty one keeps what is stored. Hints are
 * the schema's descriptions. `root` names the configuration in the request body (`config` for a
 * channel, `target` for a probe): errors and test ids follow it.
 */
export function ConfigFields({
  fields,
  values,
  stored,
  form,
  onChange,
  root = 'config',
}: {
  fields: readonly FieldSpec[];
  values: FieldValues;
  stored: unknown;
  form: AdminForm;
  onChange: (path: string, value: string | boolean) => void;
  root?: string;
}) {
  const { t, language } = useI18n();
  return (
    <>
      {fields.map((field) => {
        const path = `/${root}${field.path}`;
        const value = values[field.path];
        const test = `${root}${field.path.replace(/\//g, '-')}`;
        const label = (
          <span>
            {pathLabel(field.path, language, field.node)}
            {!field.required || field.group !== null ? ` ${t('channels.optional')}` : ''}
          </span>
        );
        const hint = [
          hintOf(field.node, language),
          field.secret && (hasStored(stored, field.path) ? t('channels.secretKeep') : t('channels.secret')),
        ]
          .filter((part): part is string => typeof part === 'string')
          .join(' ');
        if (field.control === 'boolean')
          return (
            <label key={field.path} className="checkbox">
              <input
                type="checkbox"
                checked={value === true}
                onChange={(event) => onChange(field.path, event.target.checked)}
                data-testid={test}
                {...form.describe(path)}
              />
              {label}
              {hint !== '' && <span className="hint">{hint}</span>}
              <FieldError form={form} path={path} />
            </label>
          );
        const text = typeof value === 'string' ? value : '';
        if (field.control === 'choice')
          return (
            <label key={field.path}>
              {label}
              <select
                value={text}
                onChange={(event) => onChange(field.path, event.target.value)}
                data-testid={test}
                {...form.describe(path)}
              >
                {!field.required && <option value="">{t('channels.default')}</option>}
                {(field.node.enum ?? []).map((choice) => (
                  <option key={String(choice)} value={String(choice)}>
                    {String(choice)}
                  </option>
                ))}
              </select>
              {hint !== '' && <span className="hint">{hint}</span>}
              <FieldError form={form} path={path} />
            </label>
          );
        return (
          <label key={field.path}>
            {label}
            {field.control === 'json' || field.node.contentMediaType !== undefined ? (
              <textarea
                rows={3}
                spellCheck={false}
                value={text}
                placeholder={field.control === 'json' ? t('channels.json') : undefined}
                onChange={(event) => onChange(field.path, event.target.value)}
                data-testid={test}
                {...form.describe(path)}
              />
            ) : (
              <input
                type={field.secret ? 'password' : field.control === 'number' ? 'number' : 'text'}
                inputMode={field.control === 'number' ? 'numeric' : field.node.format === 'uri' ? 'url' : undefined}
                autoComplete={field.secret ? 'new-password' : 'off'}
                autoCapitalize="none"
                spellCheck={false}
                value={text}
                placeholder={exampleOf(field)}
                onChange={(event) => onChange(field.path, event.target.value)}
                data-testid={test}
                {...form.describe(path)}
              />
            )}
            {hint !== '' && <span className="hint">{hint}</span>}
            <FieldError form={form} path={path} />
          </label>
        );
      })}
    </>
  );
}
