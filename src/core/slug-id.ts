import { Type, type TString } from 'typebox';

/**
 * The id of something named by hand (a service, team, schedule, policy, channel, checklist
 * template): a slug, fixed once created. Not "new": the console's page for creating one is
 * `/…/new`, which an id "new" would take the place of.
 */
export function slugIdSchema(example: string, ...more: string[]): TString {
  return Type.String({
    pattern: '^(?!new$)[a-z0-9][a-z0-9-]{1,62}$',
    description: 'lower-case letters, digits and dashes (2 to 63), fixed once created; not "new"',
    examples: [example, ...more],
  });
}
