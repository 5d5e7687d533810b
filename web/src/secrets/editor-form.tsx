import { useId, type FormEvent, type ReactNode } from 'react';
import { FieldError, FormActions, type AdminForm } from '../admin/form-feedback';

/** What a page or a card gives one of these forms: the thing to edit (none: add one), and what to do after. */
export interface EditorCaller<Existing, Saved> {
  existing?: Existing;
  onSaved: (saved: Saved) => void;
  /** Editing: closes the form without saving. */
  onCancel?: () => void;
}

interface EditorFormProps {
  form: AdminForm;
  /** The heading: a page section (h2) when adding, inside a card (h4) when editing one. */
  heading: string;
  editing: boolean;
  testId: string;
  onSubmit: () => Promise<void>;
  submitLabel: string;
  canSubmit: boolean;
  /** Editing: closes the form without saving. */
  onCancel?: () => void;
  children: ReactNode;
}

/**
 * The frame both forms of these pages share, adding a thing or editing one in its card: named by
 * its heading, the fields, then save (disabled while the call runs) and cancel, and what failed.
 */
export function EditorForm({
  form,
  heading,
  editing,
  testId,
  onSubmit,
  submitLabel,
  canSubmit,
  onCancel,
  children,
}: EditorFormProps) {
  const headingId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form
      ref={form.formRef}
      className={editing ? 'admin-form inline-form editor-form' : 'admin-form editor-form'}
      onSubmit={submit}
      aria-labelledby={headingId}
      noValidate
      data-testid={testId}
    >
      {editing ? <h4 id={headingId}>{heading}</h4> : <h2 id={headingId}>{heading}</h2>}
      {children}
      <FormActions
        form={form}
        canSubmit={canSubmit}
        submitLabel={submitLabel}
        saveTestId={`${testId}-save`}
        onCancel={onCancel}
      />
    </form>
  );
}

/** What a secret or a connection is for: free text the lists show under its name (`/description`). */
export function DescriptionField({
  form,
  label,
  value,
  onChange,
  testId,
}: {
  form: AdminForm;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label className="grow">
      <span>{label}</span>
      <input
        maxLength={500}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        {...form.describe('/description')}
      />
      <FieldError form={form} path="/description" />
    </label>
  );
}

/**
 * The name a new secret or connection is stored and referred to under (`/params/name`: it is the
 * URL's last part); not shown when editing, since a name cannot change.
 */
export function NameField({
  form,
  label,
  hint,
  value,
  onChange,
  testId,
  capitals,
}: {
  form: AdminForm;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** Secret names are usually upper case (shell variables); connection names must be lower case. */
  capitals: boolean;
}) {
  return (
    <label>
      <span>{label}</span>
      <input
        required
        spellCheck={false}
        autoCapitalize={capitals ? 'characters' : 'none'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        {...form.describe('/params/name')}
      />
      <span className="hint">{hint}</span>
      <FieldError form={form} path="/params/name" />
    </label>
  );
}
