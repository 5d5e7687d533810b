import { ConfirmButton } from '../admin/confirm-button';
import { formatAge, formatTime } from '../format';
import { useI18n } from '../i18n';
import { labelsText, noteRunnersChanged, revokeToken, type Runner } from './runners-api';

/**
 * One runner, as a card rather than a table row: the page is read on a phone too, and eight
 * columns do not fit in 360 px. Its state and an unconfined sandbox are said in words as well as
 * colour; its token can be revoked from here (a runner that must stop now, wherever it runs).
 */
export function RunnerCard({ runner, now, onChanged }: { runner: Runner; now: number; onChanged: () => void }) {
  const { language, t } = useI18n();
  const labels = labelsText(runner.labels);
  return (
    <li
      className={`runner-card ${runner.connected ? 'runner-connected' : 'runner-disconnected'}`}
      data-testid="runner-card"
      data-name={runner.name}
    >
      <div className="runner-head">
        <h3>{runner.name}</h3>
        <span className="runner-state" data-testid="runner-state">
          {runner.connected ? t('runners.connected') : t('runners.disconnected')}
        </span>
      </div>
      <dl className="runner-facts">
        <div>
          <dt>{t('runners.sandbox')}</dt>
          <dd
            data-testid="runner-sandbox"
            data-sandbox={runner.sandbox}
            className={runner.sandbox === 'none' ? 'runner-unsandboxed' : undefined}
          >
            {runner.sandbox === 'none' ? (
              <>
                <span aria-hidden="true">⚠ </span>
                {t('runners.sandbox.none')}
              </>
            ) : (
              t('runners.sandbox.bwrap')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('runners.labels')}</dt>
          <dd>
            {labels.length === 0 ? (
              <span className="muted">{t('runners.noLabels')}</span>
            ) : (
              <ul className="runner-labels" data-testid="runner-labels">
                {labels.map((label) => (
                  <li key={label} className="runner-label">
                    <code>{label}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('runners.lastSeen')}</dt>
          <dd>
            <time
              dateTime={runner.lastSeenAt}
              title={formatTime(runner.lastSeenAt, language, now)}
              data-testid="runner-last-seen"
            >
              {t('runners.ago', { age: formatAge(runner.lastSeenAt, now, t) })}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('runners.host')}</dt>
          <dd data-testid="runner-host">{runner.hostname}</dd>
        </div>
        <div>
          <dt>{t('runners.version')}</dt>
          <dd>{runner.version === '' ? t('common.none') : runner.version}</dd>
        </div>
        <div>
          <dt>{t('runners.capacity')}</dt>
          <dd data-testid="runner-capacity">
            {runner.capacity === 1 ? t('runners.capacityOne') : t('runners.capacityValue', { n: runner.capacity })}
          </dd>
        </div>
      </dl>
      {runner.connected && (
        <ConfirmButton
          label={t('runners.revoke')}
          question={t('runners.revokeQuestion', { name: runner.name })}
          confirmLabel={t('runners.revokeConfirm')}
          onConfirm={async () => {
            await revokeToken(runner.tokenId);
            onChanged();
            noteRunnersChanged();
          }}
          testId="runner-revoke"
        />
      )}
    </li>
  );
}
