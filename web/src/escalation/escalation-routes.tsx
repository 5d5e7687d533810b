import { lazy, Suspense, type ReactNode } from 'react';
import type { ConsoleRoute } from '../console-route';

// Loaded when first opened: setting up escalation is rare, and the first page must stay light.
const PoliciesPage = lazy(() => import('./policies-page').then((module) => ({ default: module.PoliciesPage })));
const PolicyPage = lazy(() => import('./policy-page').then((module) => ({ default: module.PolicyPage })));

const loading = (page: ReactNode) => <Suspense fallback={<p aria-busy="true">…</p>}>{page}</Suspense>;

/**
 * The escalation policy pages (admin area): the list, a new policy, one policy. `new` comes
 * before `:id`, which would otherwise take it for a policy's id (a policy whose id is `new`
 * is edited through the API).
 */
export const escalationRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/escalation-policies\/?$/, render: () => loading(<PoliciesPage />) },
  { pattern: /^\/admin\/escalation-policies\/new\/?$/, render: () => loading(<PolicyPage key="new" id={null} />) },
  {
    pattern: /^\/admin\/escalation-policies\/([^/]+)\/?$/,
    render: ([id = '']) => loading(<PolicyPage key={id} id={id} />),
  },
];
