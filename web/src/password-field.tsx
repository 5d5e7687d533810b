/** What a password field needs: its label, what browsers' password managers should offer, its value. */
interface PasswordFieldProps {
  label: string;
  /** `current-password` to sign in, `new-password` to choose one (managers then offer to generate). */
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  testId: string;
  autoFocus?: boolean;
  minLength?: number;
  /** The id of a hint read with the field. */
  describedBy?: string;
}

/** A labelled, required password input: the same on the sign-in and setup pages. */
export function PasswordField({ label, autoComplete, value, onChange, testId, ...rest }: PasswordFieldProps) {
  return (
    <label>
      <span>{label}</span>
      <input
        name={testId}
        type="password"
        autoComplete={autoComplete}
        required
        autoFocus={rest.autoFocus}
        minLength={rest.minLength}
        aria-describedby={rest.describedBy}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
