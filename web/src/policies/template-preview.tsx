import { useMemo } from 'react';
import { api, ApiError } from '../api';
import { toFormErrors, type FormErrors } from '../admin/form-feedback';
import { useI18n, type Translate } from '../i18n';
import { useDebounced } from '../runbooks/use-debounced';
import { useResource } from '../use-resource';
import type { TemplateOverride, TemplatePreview } from './policies-types';

/** The preview, or the server's reasons (by part) why the template as typed cannot render. */
export type PreviewOutcome = { preview: TemplatePreview; errors: null } | { preview: null; errors: FormErrors };

export interface PreviewRequest {
  kind: string;
  locale: string;
  channel: string;
  template: TemplateOverride;
}

async function loadPreview(body: string, fields: readonly string[], t: Translate): Promise<PreviewOutcome> {
  try {
    const preview = await api<TemplatePreview>('POST', '/api/v1/notification-templates/preview', JSON.parse(body));
    return { preview, errors: null };
  } catch (error) {
    // A 400 is the answer here (the template has a mistake), not a failure of the page.
    if (error instanceof ApiError && error.status === 400)
      return { preview: null, errors: toFormErrors(error, fields, t) };
    throw error;
  }
}

/** The server's rendering of the unsaved template, once typing pauses; a part's mistake comes back by field. */
export function usePreview(request: PreviewRequest, fields: readonly string[]) {
  const { t } = useI18n();
  const body = useDebounced(
    useMemo(() => JSON.stringify(request), [request]),
    400,
  );
  return useResource<PreviewOutcome>({ key: body, load: () => loadPreview(body, fields, t) });
}

/**
 * The message as its channel would show it: an e-mail's subject over its HTML (in a sandboxed
 * frame: the template's HTML never runs in the console) and its plain-text body; an SMS bubble
 * with its length against one segment; a chat message's heading and body as sent.
 */
export function TemplatePreviewView({ preview }: { preview: TemplatePreview }) {
  const { t } = useI18n();
  const length = preview.text.length;
  return (
    <div data-testid="template-preview" data-format={preview.format}>
      {preview.format === 'sms' ? (
        <>
          <p className="preview-sms" data-testid="preview-text">
            {preview.text}
          </p>
          <p className={length > preview.smsMaxLength ? 'sms-count over' : 'sms-count'} data-testid="sms-count">
            {t(length > preview.smsMaxLength ? 'policies.templates.smsOver' : 'policies.templates.smsCount', {
              n: length,
              max: preview.smsMaxLength,
            })}
          </p>
        </>
      ) : (
        <>
          <p className="preview-subject" data-testid="preview-subject">
            <span className="hint">{t('policies.templates.subject')} </span>
            {preview.subject}
          </p>
          {preview.html !== undefined && (
            <iframe
              className="preview-html"
              title={t('policies.templates.htmlFrame')}
              sandbox=""
              srcDoc={preview.html}
              data-testid="preview-html"
            />
          )}
          <pre className="preview-text" data-testid="preview-text">
            {preview.text}
          </pre>
        </>
      )}
    </div>
  );
}
