import { Link } from '../router';
import type { RunbookUse } from './secrets-types';

/**
 * The runbooks using a secret or a connection, as links: what a delete would break, seen before
 * asking for it. `label` heads the list; `none` says so when nothing uses it.
 */
export function RunbookUses({ uses, label, none }: { uses: readonly RunbookUse[]; label: string; none: string }) {
  if (uses.length === 0) return <p className="hint uses-none">{none}</p>;
  return (
    <div className="uses">
      <span className="uses-label">{label}</span>
      <ul className="uses-list" data-testid="uses">
        {uses.map((use) => (
          <li key={use.runbookId}>
            <Link to={`/runbooks/${encodeURIComponent(use.runbookId)}`}>{use.title}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
