import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { generatedKinds, postmortemApiPath, type Postmortem, type PostmortemSection } from './postmortem-types';

interface Props {
  postmortem: Postmortem;
  editable: boolean;
  onSaved: (saved: Postmortem) => void;
  onReload: () => void;
}

/**
 * The sections to write, each a title and Markdown text, saved together with the version they
 * were loaded at: if a colleague saved meanwhile the server refuses (409), and the page says so
 * and keeps this text on screen rather than losing it or overwriting theirs.
 */
export function PostmortemSectionsEditor({ postmortem, editable, onSaved, onReload }: Props) {
  const { t } = useI18n();
  const [sections, setSections] = useState<PostmortemSection[]>(postmortem.sections);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'stale'>('idle');
  const [error, setError] = useState<string | null>(null);
  // A newer stored version (this page's save, or a reload after a colleague's) is what to edit next.
  useEffect(() => {
    setSections(postmortem.sections);
    setState((current) => (current === 'stale' ? 'idle' : current));
  }, [postmortem.version, postmortem.sections]);
  const change = (key: string, field: 'title' | 'body', value: string) => {
    setSections((current) =>
      current.map((section) => (section.key === key ? { ...section, [field]: value } : section)),
    );
    if (state === 'saved') setState('idle');
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setState('saving');
    setError(null);
    try {
      const saved = await api<Postmortem>('PATCH', postmortemApiPath(postmortem.incidentId), {
        version: postmortem.version,
        sections,
      });
      setState('saved');
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409 && typeof failure.details['version'] === 'number')
        setState('stale');
      else {
        setState('idle');
        setError(errorText(failure, t));
      }
    }
  };
  return (
    <form className="pm-sections" onSubmit={(event) => void save(event)} aria-labelledby="pm-sections-title">
      <h2 id="pm-sections-title">{t('postmortems.sections')}</h2>
      {sections.map((section) => (
        <fieldset
          key={section.key}
          className="pm-section"
          data-testid="postmortem-section"
          data-section-kind={section.kind}
        >
          <legend className="visually-hidden">{section.title}</legend>
          <label>
            {t('postmortems.sectionTitle')}
            <input
              value={section.title}
              disabled={!editable}
              maxLength={200}
              onChange={(event) => change(section.key, 'title', event.target.value)}
            />
          </label>
          {generatedKinds.includes(section.kind) && <p className="pm-muted">{t('postmortems.generatedNote')}</p>}
          <label>
            {t('postmortems.sectionBody')}
            <textarea
              rows={generatedKinds.includes(section.kind) ? 2 : 5}
              value={section.body}
              disabled={!editable}
              onChange={(event) => change(section.key, 'body', event.target.value)}
              data-testid={`postmortem-body-${section.key}`}
            />
          </label>
        </fieldset>
      ))}
      {editable && (
        <div className="form-row">
          <button type="submit" disabled={state === 'saving' || state === 'stale'} data-testid="postmortem-save">
            {t(state === 'saving' ? 'postmortems.saving' : 'postmortems.save')}
          </button>
          {state === 'saved' && (
            <p className="success" role="status" data-testid="postmortem-saved">
              {t('postmortems.saved', { version: postmortem.version })}
            </p>
          )}
        </div>
      )}
      {state === 'stale' && (
        <div className="error" role="alert" data-testid="postmortem-stale">
          {t('postmortems.stale')}{' '}
          <button type="button" onClick={onReload}>
            {t('postmortems.reload')}
          </button>
        </div>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
