import { Type, type Static } from 'typebox';
import type { Ctx } from '../core/context.js';
import { loadUsableSetupLink } from './setup-link-model.js';

export const CheckSetupLinkInput = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, description: 'the `token` of the setup link' }) },
  { additionalProperties: false },
);
export type CheckSetupLinkInput = Static<typeof CheckSetupLinkInput>;

export const SetupLinkInfoSchema = Type.Object(
  {
    username: Type.String({ description: 'what the person signs in with afterwards' }),
    name: Type.String(),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { title: 'SetupLinkInfo' },
);
export type SetupLinkInfo = Static<typeof SetupLinkInfoSchema>;

/**
 * Whom a setup link is for, while it can still be used: the console's page shows the user name
 * (needed to sign in later) before asking for a password, or at once why the link no longer
 * works (400 naming `/token`, `details.reason`). Reads only; the link stays unused.
 */
export async function checkSetupLink({ ctx, input }: { ctx: Ctx; input: CheckSetupLinkInput }): Promise<SetupLinkInfo> {
  const link = await loadUsableSetupLink(ctx.db, input.token, ctx.now(), false);
  return { username: link.user.username, name: link.user.name, expiresAt: link.expiresAt.toISOString() };
}
