import { lazy, Suspense, type ReactNode } from 'react';
import type { ConsoleRoute } from '../console-route';

// Loaded when first opened: these are set up once, and the first page must stay light.
const SeverityPage = lazy(() => import('./severity-page').then((module) => ({ default: module.SeverityPage })));
const InhibitRulesPage = lazy(() =>
  import('./inhibit-rules-page').then((module) => ({ default: module.InhibitRulesPage })),
);
const TemplatesPage = lazy(() => import('./templates-page').then((module) => ({ default: module.TemplatesPage })));

const loading = (page: ReactNode) => <Suspense fallback={<p aria-busy="true">…</p>}>{page}</Suspense>;

/** The severity policies, inhibition rules and notification templates pages (admin area). */
export const policiesRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/severity-policies\/?$/, render: () => loading(<SeverityPage />) },
  { pattern: /^\/admin\/inhibit-rules\/?$/, render: () => loading(<InhibitRulesPage />) },
  { pattern: /^\/admin\/notification-templates\/?$/, render: () => loading(<TemplatesPage />) },
];
