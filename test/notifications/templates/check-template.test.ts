import { describe, expect, it } from 'vitest';
import { AppError, type FieldIssue } from '../../../src/core/app-error.js';
import { notificationLocales } from '../../../src/notifications/channel-model.js';
import { checkTemplate } from '../../../src/notifications/templates/check-template.js';
import { defaultTemplates } from '../../../src/notifications/templates/default-templates.js';
import { notificationKinds, type TemplateOverride } from '../../../src/notifications/templates/template-model.js';

function issuesOf(override: TemplateOverride, path?: string): FieldIssue[] {
  try {
    checkTemplate(override, path);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    return (error as AppError).details['issues'] as FieldIssue[];
  }
  return [];
}

describe('checkTemplate', () => {
  it('accepts every default template, so that admins can start from one', () => {
    for (const locale of notificationLocales)
      for (const kind of notificationKinds) expect(issuesOf(defaultTemplates[locale][kind])).toEqual([]);
  });

  it('refuses an unknown variable, naming the part, the line and the known names', () => {
    const issues = issuesOf({
      subject: '{{incidentId}} {{titel}}',
      markdown: 'ok {{title}}\n\n{{#runbooks}}{{title}}{{/runbooks}}\n{{serverity}}',
    });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toEqual({
      path: '/subject',
      message: expect.stringMatching(/^line 1: unknown variable "titel" \(known: .*incidentId.*title/) as string,
    });
    expect(issues[1]).toMatchObject({
      path: '/markdown',
      message: expect.stringMatching(/^line 4: unknown variable "serverity"/) as string,
    });
  });

  it('prefixes paths for an override nested in a larger body', () => {
    expect(issuesOf({ short: '{{nope}}' }, '/templates/triggered/fr')).toEqual([
      { path: '/templates/triggered/fr/short', message: expect.stringContaining('"nope"') as string },
    ]);
  });

  it('refuses unknown names in sections and inverted sections too', () => {
    expect(issuesOf({ text: '{{#oncall}}x{{/oncall}}' })[0]?.message).toContain('"oncall"');
    expect(issuesOf({ text: '{{^ack}}x{{/ack}}' })[0]?.message).toContain('"ack"');
  });

  it("knows a runbook's url only inside the runbooks section", () => {
    expect(issuesOf({ markdown: '{{#runbooks}}- [{{title}}]({{url}}){{/runbooks}}' })).toEqual([]);
    expect(issuesOf({ markdown: '{{url}}' })[0]?.message).toContain('"url"');
    expect(issuesOf({ markdown: '{{#services}}{{.}}{{/services}}' })).toEqual([]);
    expect(issuesOf({ markdown: '{{.}}' })[0]?.message).toContain('inside a section');
  });

  it('refuses a template that does not parse', () => {
    const issues = issuesOf({ html: '<p>{{#summary}}{{summary}}</p>' });
    expect(issues).toEqual([
      { path: '/html', message: expect.stringMatching(/^does not parse: Unclosed section "summary"/) as string },
    ]);
    expect(issuesOf({ text: '{{#a}}{{/b}}' })[0]?.message).toMatch(/does not parse/);
  });

  it('refuses partials and delimiter changes', () => {
    expect(issuesOf({ text: '{{> layout}}' })[0]?.message).toContain('partials');
    expect(issuesOf({ text: '{{=<% %>=}}<% title %>' })[0]?.message).toContain('delimiters');
  });

  it('refuses unescaped insertion in the HTML part only', () => {
    expect(issuesOf({ html: '<p>{{{title}}}</p>' })[0]).toEqual({
      path: '/html',
      message: expect.stringContaining('without HTML escaping') as string,
    });
    expect(issuesOf({ html: '<p>{{&summary}}</p>' })[0]?.message).toContain('without HTML escaping');
    expect(issuesOf({ text: '{{{title}}}', markdown: '{{&title}}' })).toEqual([]);
  });

  it('ignores comments', () => {
    expect(issuesOf({ text: '{{! anything {{goes}} here }}{{title}}' })).toEqual([]);
  });
});
