import { useI18n, type MessageKey } from '../i18n';
import {
  ruleIsFor,
  urgencies,
  type NotificationRule,
  type PersonRules,
  type Urgency,
  type User,
} from './profile-types';

type Kind = PersonRules['kinds'][number];

/** The address a kind's message goes to, as the server's `contactOf` picks it; null when the person has none. */
function addressOf(kind: Kind, user: User): string | null {
  if (kind.contact === 'email') return user.email;
  if (kind.contact === 'phone') return user.phone;
  if (kind.contact === 'chat') return user.chatHandle ?? user.email;
  return '';
}

/**
 * The rules as two timelines, one lane per urgency, in the order they fire ("at 0 min: E-mail to
 * …, at 5 min: SMS …"): people would rather look than read, and a lane that stays empty shows at a
 * glance which pages reach nobody. Rules that would send nothing say why, beside the time.
 */
export function RulesTimeline({ rules, kinds, user }: { rules: NotificationRule[]; kinds: Kind[]; user: User }) {
  const { t } = useI18n();
  return (
    <section className="profile-preview" aria-labelledby="profile-preview-title">
      <h2 id="profile-preview-title">{t('profile.preview')}</h2>
      <div className="rules-lanes">
        {urgencies.map((urgency) => (
          <RulesLane key={urgency} urgency={urgency} rules={rules} kinds={kinds} user={user} />
        ))}
      </div>
    </section>
  );
}

/** One urgency's lane: the rules for it (its own and `any`), sorted by delay. */
function RulesLane({
  urgency,
  rules,
  kinds,
  user,
}: {
  urgency: Urgency;
  rules: NotificationRule[];
  kinds: Kind[];
  user: User;
}) {
  const { t } = useI18n();
  const ordered = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => ruleIsFor(rule, urgency))
    .sort((a, b) => a.rule.delayMinutes - b.rule.delayMinutes);
  const titleId = `rules-lane-${urgency}`;
  return (
    <div className="rules-lane" data-urgency={urgency} data-testid="rules-timeline-lane">
      <h3 id={titleId}>{t(`profile.urgency.lane.${urgency}`)}</h3>
      {ordered.length === 0 ? (
        <p className="rules-lane-empty">{t('profile.urgency.laneEmpty')}</p>
      ) : (
        <ol className="rules-timeline" aria-labelledby={titleId} data-testid="rules-timeline">
          {ordered.map(({ rule, index }) => {
            const kind = kinds.find((candidate) => candidate.kind === rule.channel);
            const label = kind?.label ?? rule.channel;
            const address = kind === undefined ? null : addressOf(kind, user);
            const note =
              kind === undefined || !kind.enabled
                ? t('profile.previewNoChannel', { label })
                : address === null
                  ? t('profile.previewNoAddress', { contact: t(`profile.contact.${kind.contact}` as MessageKey) })
                  : address === ''
                    ? ''
                    : t('profile.previewTo', { to: address });
            const silent = kind === undefined || !kind.enabled || address === null;
            return (
              <li key={index} className={silent ? 'silent' : undefined} data-testid="rules-timeline-step">
                <span className="rules-timeline-time">{t('profile.previewAt', { m: rule.delayMinutes })}</span>
                <strong>{label}</strong> <span className="hint">{note}</span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
