import { useI18n } from '../i18n';
import type { Measured, Postmortem } from './postmortem-types';
import { spokenSeconds, zonedDateTime } from './postmortem-time';

const measures = ['detect', 'acknowledge', 'mitigate', 'resolve'] as const;

/** What was measured when the post-mortem was drafted: the key moments and durations, in its zone. */
export function PostmortemFacts({ postmortem }: { postmortem: Postmortem }) {
  const { t, language } = useI18n();
  const { facts, timeZone } = postmortem;
  const { durations } = facts;
  const verdict = (met: boolean | null): string => (met === null ? '…' : met ? '✓' : '✗');
  const measured = (value: Measured): string => (value === null ? '—' : spokenSeconds(value.seconds));
  return (
    <section className="pm-facts" aria-labelledby="pm-facts-title">
      <h2 id="pm-facts-title">{t('postmortems.facts', { zone: timeZone })}</h2>
      <div className="pm-columns">
        <div>
          <h3>{t('postmortems.moments')}</h3>
          <ol className="pm-moments" data-testid="postmortem-moments">
            {facts.moments.map((moment) => (
              <li key={moment.seq} data-kind={moment.kind}>
                <time dateTime={moment.at}>{zonedDateTime(moment.at, timeZone, language)}</time> {moment.text}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h3>{t('postmortems.durations')}</h3>
          <table className="pm-table" data-testid="postmortem-durations">
            <thead>
              <tr>
                <th scope="col">{t('postmortems.measure')}</th>
                <th scope="col">{t('postmortems.duration')}</th>
                <th scope="col">{t('postmortems.target')}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((key) => (
                <tr key={key} data-measure={key}>
                  <th scope="row">{t(`postmortems.measure.${key}`)}</th>
                  <td>{measured(durations[key])}</td>
                  <td>
                    {key === 'resolve' && durations.resolutionTarget !== null
                      ? `${facts.incident.severity} ${spokenSeconds(durations.resolutionTarget.minutes * 60)} ${verdict(durations.resolutionTarget.met)}`
                      : ''}
                  </td>
                </tr>
              ))}
              {durations.rto.map((rto) => (
                <tr key={rto.serviceId} data-measure={`rto-${rto.serviceId}`}>
                  <th scope="row">{t('postmortems.measure.restore', { service: rto.name })}</th>
                  <td>{measured(durations.restore)}</td>
                  <td>{`RTO ${spokenSeconds(rto.minutes * 60)} ${verdict(rto.met)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
