import { useEffect, useRef, useState, type DragEvent } from 'react';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { canRespond } from '../types';
import { ImportReportView } from './import-report-view';
import type { ImportReport } from './runbook-types';
import { acceptedFiles, uploadRunbookFiles } from './upload-runbook-files';
import './runbooks.css';

type Upload =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'done'; reports: ImportReport[] }
  | { state: 'failed'; error: string };

/**
 * Import runbooks: choose or drop Markdown files, send them, and read what the import made of
 * each — runbooks created or updated, drafts, the parts it did not understand, lint, and the
 * encoding repairs. Viewers are told they cannot import (the server refuses them anyway).
 */
export function RunbookImportPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const resultsRef = useRef<HTMLHeadingElement>(null);

  // The results replace the form's focus: a screen reader hears that the import ended, and how.
  useEffect(() => {
    if (upload.state === 'done' || upload.state === 'failed') resultsRef.current?.focus();
  }, [upload.state]);

  if (!canRespond(session.user)) {
    return (
      <section className="runbook-import">
        <h1>{t('runbooks.importTitle')}</h1>
        <p className="read-only" data-testid="runbook-import-forbidden">
          {t('runbooks.importViewer')}
        </p>
      </section>
    );
  }

  const choose = (chosen: FileList | null) => {
    if (chosen === null || chosen.length === 0) return;
    setFiles([...chosen]);
    setUpload({ state: 'idle' });
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  };

  const send = async () => {
    setUpload({ state: 'sending' });
    try {
      setUpload({ state: 'done', reports: await uploadRunbookFiles(files) });
      setFiles([]);
    } catch (failure) {
      // An ended session (401) has already sent the page to sign-in, through api().
      setUpload({ state: 'failed', error: errorText(failure, t) });
    }
  };

  return (
    <section className="runbook-import">
      <div className="page-title">
        <h1>{t('runbooks.importTitle')}</h1>
        <Link to="/runbooks">{t('runbooks.back')}</Link>
      </div>
      <p>{t('runbooks.importHelp')}</p>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="runbook-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label>
          {t('runbooks.importChoose')}
          <input
            type="file"
            multiple
            accept={acceptedFiles}
            data-testid="runbook-file-input"
            onChange={(event) => {
              choose(event.target.files);
              event.target.value = ''; // Choosing the same file again, after editing it, must still count.
            }}
          />
        </label>
        <p className="drop-hint" aria-hidden="true">
          {t('runbooks.importDrop')}
        </p>
      </div>
      {files.length > 0 && (
        <div className="chosen-files">
          <ul data-testid="runbook-chosen-files">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                {file.name} <span className="count">({t('runbooks.bytes', { bytes: file.size })})</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="runbook-import-submit"
            disabled={upload.state === 'sending'}
            onClick={() => void send()}
          >
            {upload.state === 'sending'
              ? t('runbooks.importSending')
              : t('runbooks.importSubmit', { count: files.length })}
          </button>
        </div>
      )}
      {upload.state === 'failed' && (
        <div className="error" role="alert" data-testid="runbook-import-error">
          <h2 ref={resultsRef} tabIndex={-1}>
            {t('runbooks.importFailed')}
          </h2>
          <p>{upload.error}</p>
        </div>
      )}
      {upload.state === 'done' && (
        <div className="import-results" data-testid="runbook-import-results">
          <h2 ref={resultsRef} tabIndex={-1}>
            {t('runbooks.importDone', { count: upload.reports.length })}
          </h2>
          {session.user.role === 'admin' && upload.reports.some((report) => report.drafts.length > 0) && (
            // What the files say of the incident process is only useful once adopted: say where.
            <p className="import-adopt" data-testid="import-adopt-link">
              <Link to="/admin/from-runbooks">{t('runbooks.importAdopt')}</Link>
            </p>
          )}
          {upload.reports.map((report, index) => (
            <ImportReportView key={`${report.sourceId}-${index}`} report={report} />
          ))}
        </div>
      )}
    </section>
  );
}
