/**
 * What the profile pages read and send: the server's own types, imported as types only (erased
 * from the bundle), so the pages cannot drift from the schemas the API validates with.
 */
export type { User } from '../../../src/users/user-model.js';
export type { PersonRules } from '../../../src/oncall/people/get-notification-rules.js';
export type { NotificationRule, NotificationRulesInput } from '../../../src/oncall/people/set-notification-rules.js';
export type { TestPage } from '../../../src/oncall/people/send-test-page.js';

/** Written here rather than imported: the language select needs the values at run time. */
export const notificationLocales = ['en', 'fr'] as const;
