/**
 * The choice of a kind from a table the server lists (`/notification-channels/kinds`,
 * `/probes/kinds`), each by its label: a new row appears here with no console change.
 */
export function KindSelect({
  label,
  kinds,
  value,
  onChange,
  testId,
}: {
  label: string;
  kinds: readonly { kind: string; label: string }[];
  value: string;
  onChange: (kind: string) => void;
  testId: string;
}) {
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {kinds.map((candidate) => (
          <option key={candidate.kind} value={candidate.kind}>
            {candidate.label}
          </option>
        ))}
      </select>
    </label>
  );
}
