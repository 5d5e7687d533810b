import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { ApiError } from '../api';
import { errorText } from '../format';
import { useI18n, type Translate } from '../i18n';

/** A form's failure: a message per field (keyed by JSON Pointer, as the API names them), and the rest. */
export interface FormErrors {
  fields: Readonly<Record<string, string>>;
  general: string | null;
}

const noErrors: FormErrors = { fields: {}, general: null };

interface Issue {
  path: string;
  message: string;
}

function isIssue(value: unknown): value is Issue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Issue).path === 'string' &&
    typeof (value as Issue).message === 'string'
  );
}

/** The fields an error names: 400s list `details.issues`; 409s on a unique name give `details.field`. */
function issuesOf(error: ApiError): Issue[] {
  const listed = error.details['issues'];
  const issues = Array.isArray(listed) ? listed.filter(isIssue) : [];
  const field = error.details['field'];
  // Some conflicts say `username`, others `/name`: both mean the same field.
  if (typeof field === 'string')
    issues.push({ path: field.startsWith('/') ? field : `/${field}`, message: error.message });
  return issues;
}

/**
 * Places each failing field's message next to the form's field of that path (or the closest
 * enclosing one: `/matchers/1` goes to the second matcher, `/settings/mapping/title` to the mapping).
 */
export function toFormErrors(error: unknown, fields: readonly string[], t: Translate): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: errorText(error, t) };
  const longestFirst = [...fields].sort((a, b) => b.length - a.length);
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issuesOf(error)) {
    const owner = longestFirst.find((field) => issue.path === field || issue.path.startsWith(`${field}/`));
    if (owner === undefined) unplaced.push(`${issue.path} ${issue.message}`);
    else placed[owner] = placed[owner] === undefined ? issue.message : `${placed[owner]}; ${issue.message}`;
  }
  if (Object.keys(placed).length === 0) return { fields: {}, general: errorText(error, t) };
  return { fields: placed, general: unplaced.length > 0 ? unplaced.join('; ') : null };
}

/** A form's state while it talks to the server, and the ARIA wiring of its field errors. */
export interface AdminForm {
  busy: boolean;
  errors: FormErrors;
  formRef: RefObject<HTMLFormElement | null>;
  /** Runs the request; true when it succeeded. Errors are kept for the fields to show. */
  submit: (action: () => Promise<void>) => Promise<boolean>;
  /** Props for the input of `path`: marked invalid and described by its message when it failed. */
  describe: (path: string) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
  errorId: (path: string) => string;
}

/** One form's submit state; `fields` are the paths it has an input for (`/username`, `/matchers/0` …). */
export function useAdminForm(fields: readonly string[]): AdminForm {
  const { t } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const fieldsKey = fields.join('\n');

  const submit = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      setErrors(noErrors);
      try {
        await action();
        return true;
      } catch (failure) {
        setErrors(
          toFormErrors(
            failure,
            fieldsKey.split('\n').filter((field) => field !== ''),
            t,
          ),
        );
        return false;
      } finally {
        setBusy(false);
      }
    },
    [fieldsKey, t],
  );

  useEffect(() => {
    // Keyboard and screen-reader users land on the first field to fix, its message read out with it.
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const errorId = useCallback((path: string) => `${id}-error${path}`, [id]);
  const describe = useCallback(
    (path: string) =>
      errors.fields[path] === undefined ? {} : { 'aria-invalid': true as const, 'aria-describedby': errorId(path) },
    [errors, errorId],
  );
  return { busy, errors, formRef, submit, describe, errorId };
}

/** The server's message for one field, shown under it. */
export function FieldError({ form, path }: { form: AdminForm; path: string }) {
  const message = form.errors.fields[path];
  if (message === undefined) return null;
  return (
    <span className="field-error" id={form.errorId(path)} data-testid={`field-error${path.replace(/\//g, '-')}`}>
      {message}
    </span>
  );
}

/** What failed without naming a field of this form (403, network, a conflict). */
export function FormError({ form }: { form: AdminForm }) {
  if (form.errors.general === null) return null;
  return (
    <p className="error" role="alert" data-testid="form-error">
      {form.errors.general}
    </p>
  );
}

/**
 * The end of an admin form: save (disabled, saying so, while the call runs), cancel when editing
 * in place, then what failed as a whole.
 */
export function FormActions({
  form,
  canSubmit,
  submitLabel,
  saveTestId,
  onCancel,
}: {
  form: AdminForm;
  canSubmit: boolean;
  submitLabel: string;
  saveTestId: string;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="row-actions">
        <button type="submit" disabled={form.busy || !canSubmit} data-testid={saveTestId}>
          {form.busy ? t('admin.saving') : submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
      <FormError form={form} />
    </>
  );
}
