import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';

// Loaded when first opened: these are set up once, and the first page must stay light.
const SeverityPage = lazyPage(() => import('./severity-page').then((module) => module.SeverityPage));
const InhibitRulesPage = lazyPage(() => import('./inhibit-rules-page').then((module) => module.InhibitRulesPage));
const TemplatesPage = lazyPage(() => import('./templates-page').then((module) => module.TemplatesPage));

/** The severity policies, inhibition rules and notification templates pages (admin area). */
export const policiesRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/severity-policies\/?$/, render: () => <SeverityPage /> },
  { pattern: /^\/admin\/inhibit-rules\/?$/, render: () => <InhibitRulesPage /> },
  { pattern: /^\/admin\/notification-templates\/?$/, render: () => <TemplatesPage /> },
];
