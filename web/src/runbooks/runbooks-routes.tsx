import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';
import { RunbookImportPage } from './runbook-import-page';
import { RunbookLibrary } from './runbook-library';
import { RunbookPage } from './runbook-page';

// Its forms (escalation targets, alert rules, message templates) load with it, not with the first page.
const RunbookAdoptionsPage = lazyPage(() =>
  import('./runbook-adoptions-page').then((module) => module.RunbookAdoptionsPage),
);
const ExecutionSettingsPage = lazyPage(() =>
  import('./execution-settings-page').then((module) => module.ExecutionSettingsPage),
);

/**
 * The runbooks pages of the console: the library, the import, one runbook, and what adopting the
 * drafts found by imports would create. `/runbooks/import` comes before `/runbooks/:id`, which
 * would otherwise take "import" for a runbook's id.
 */
export const runbooksRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/runbooks\/?$/, render: () => <RunbookLibrary />, nav: { to: '/runbooks', label: 'runbooks.nav' } },
  { pattern: /^\/runbooks\/import\/?$/, render: () => <RunbookImportPage /> },
  // An admin page (its frame and menu are the admin area's) about what runbooks hold.
  { pattern: /^\/admin\/from-runbooks\/?$/, render: () => <RunbookAdoptionsPage /> },
  { pattern: /^\/runbooks\/([^/]+)\/settings\/?$/, render: ([id = '']) => <ExecutionSettingsPage key={id} id={id} /> },
  // The key remounts the page from one runbook to another: no stale versions or diff.
  { pattern: /^\/runbooks\/([^/]+)\/?$/, render: ([id = '']) => <RunbookPage key={id} id={id} /> },
];
