import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { roles, type User } from './admin-types';
import { ConfirmButton } from './confirm-button';
import { FieldError, FormError, useAdminForm } from './form-feedback';
import { UserPasswordForm } from './user-password-form';

type Role = (typeof roles)[number];
const fields = ['/role'] as const;
const columns = 6;

/**
 * One person: the facts, then what an admin does to them — change the role (saved on its own
 * button, not on select, so that a keyboard user arrowing through roles does not save each),
 * set a password, deactivate (asked first). One's own role and account are left alone: the server
 * wants another admin for those, so the last admin cannot lock everyone out.
 */
export function UserRow({ user, self, onChanged }: { user: User; self: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [role, setRole] = useState<Role>(user.role);
  const [settingPassword, setSettingPassword] = useState(false);
  const [passwordSet, setPasswordSet] = useState(false);
  const active = user.deactivatedAt === null;

  const saveRole = async () => {
    const done = await form.submit(async () => {
      await api<User>('PATCH', `/api/v1/users/${encodeURIComponent(user.id)}`, { role });
    });
    if (done) onChanged();
  };

  return (
    <>
      <tr data-testid="user-row" data-username={user.username} className={active ? undefined : 'inactive'}>
        <th scope="row">
          <Link to={`/admin/users/${encodeURIComponent(user.id)}`}>{user.name}</Link>
        </th>
        <td>
          <code>{user.username}</code>
        </td>
        <td>{user.email}</td>
        <td>
          {active && !self ? (
            <form
              ref={form.formRef}
              className="role-form"
              onSubmit={(event) => {
                event.preventDefault();
                void saveRole();
              }}
            >
              <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                {t('admin.users.roleOf', { username: user.username })}
              </label>
              <select
                id={`role-${user.id}`}
                value={role}
                onChange={(event) => setRole(event.target.value as Role)}
                data-testid="user-row-role"
                {...form.describe('/role')}
              >
                {roles.map((value) => (
                  <option key={value} value={value}>
                    {t(`admin.role.${value}`)}
                  </option>
                ))}
              </select>
              {role !== user.role && (
                <button type="submit" disabled={form.busy} data-testid="user-row-role-save">
                  {t('admin.users.saveRole')}
                </button>
              )}
              <FieldError form={form} path="/role" />
              <FormError form={form} />
            </form>
          ) : (
            t(`admin.role.${user.role}`)
          )}
        </td>
        <td data-testid="user-row-active">{active ? t('admin.yes') : t('admin.users.deactivated')}</td>
        <td>
          <div className="row-actions">
            {active && (
              <button
                type="button"
                className="secondary"
                aria-expanded={settingPassword}
                onClick={() => setSettingPassword(!settingPassword)}
                data-testid="user-row-password"
              >
                {t('admin.users.setPassword')}
              </button>
            )}
            {active && !self && (
              <ConfirmButton
                label={t('admin.users.deactivate')}
                question={t('admin.users.deactivateQuestion', { username: user.username })}
                confirmLabel={t('admin.users.deactivateConfirm')}
                onConfirm={async () => {
                  await api<User>('POST', `/api/v1/users/${encodeURIComponent(user.id)}/deactivate`);
                  onChanged();
                }}
                testId="user-row-deactivate"
              />
            )}
            {self && <span className="hint">{t('admin.users.self')}</span>}
            {passwordSet && (
              <span className="success-inline" role="status" data-testid="user-row-password-done">
                {t('admin.users.passwordSet')}
              </span>
            )}
          </div>
        </td>
      </tr>
      {settingPassword && (
        <tr className="row-form">
          <td colSpan={columns}>
            <UserPasswordForm
              user={user}
              self={self}
              onDone={(changed) => {
                setSettingPassword(false);
                setPasswordSet(changed);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
