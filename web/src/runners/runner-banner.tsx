import { useEffect } from 'react';
import { hasRole } from '../console-route';
import { useI18n, type Translate } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { pageRefreshMs, useResource } from '../use-resource';
import { listRunners, onRunnersChanged, runnerProblems, type RunnerProblem } from './runners-api';
import './runners.css';

function problemText(problem: RunnerProblem, t: Translate): string {
  if (problem.kind === 'none-connected') return t('runners.banner.none');
  const names = problem.names.join(', ');
  return t(problem.names.length === 1 ? 'runners.banner.unsandboxed' : 'runners.banner.unsandboxedMany', { names });
}

/**
 * Above every page, for everyone signed in: steps cannot run (no runner connected), or run
 * unconfined (a runner without a sandbox). The responder about to press "Run" at 3 a.m. must know
 * before, not find a step queued forever. Read again every minute (`pageRefreshMs`) and as soon as
 * the runners page changes a runner. A failed read shows nothing: the banner warns about runners,
 * and a network error is said by whatever page the person is on.
 */
export function RunnerBanner() {
  const { t } = useI18n();
  const { session } = useSession();
  const runners = useResource({ key: 'runners', load: listRunners }, { refreshMs: pageRefreshMs });
  const { reload } = runners;
  useEffect(() => onRunnersChanged(() => void reload()), [reload]);
  const problems = runners.data === null ? [] : runnerProblems(runners.data);
  const admin = hasRole(session.user.role, 'admin');

  return (
    // Always there, so that a problem appearing at the minute's read is announced, not only shown.
    <div className="runner-banner-live" role="status">
      {problems.length > 0 && (
        <section className="runner-banner" aria-label={t('runners.banner.label')} data-testid="runner-banner">
          {problems.map((problem) => (
            <p key={problem.kind} data-testid={`runner-banner-${problem.kind}`}>
              <span aria-hidden="true">⚠ </span>
              {problemText(problem, t)}
              {problem.kind === 'none-connected' && !admin && ` ${t('runners.banner.askAdmin')}`}
            </p>
          ))}
          {admin && (
            <Link to="/admin/runners" data-testid="runner-banner-link">
              {t('runners.banner.manage')}
            </Link>
          )}
        </section>
      )}
    </div>
  );
}
