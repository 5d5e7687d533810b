import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';

// Loaded when first opened: setting up escalation is rare, and the first page must stay light.
const PoliciesPage = lazyPage(() => import('./policies-page').then((module) => module.PoliciesPage));
const PolicyPage = lazyPage(() => import('./policy-page').then((module) => module.PolicyPage));

/**
 * The escalation policy pages (admin area): the list, a new policy, one policy. `new` comes
 * before `:id`, which would otherwise take it for a policy's id (a policy whose id is `new`
 * is edited through the API).
 */
export const escalationRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/escalation-policies\/?$/, render: () => <PoliciesPage /> },
  { pattern: /^\/admin\/escalation-policies\/new\/?$/, render: () => <PolicyPage key="new" id={null} /> },
  {
    pattern: /^\/admin\/escalation-policies\/([^/]+)\/?$/,
    render: ([id = '']) => <PolicyPage key={id} id={id} />,
  },
];
