import { describe, expect, it } from 'vitest';
import { analyzeCodeBlock } from '../../../src/runbooks/steps/analyze-code-block.js';
import {
  findTemplatePlaceholders,
  isSecretName,
  maskPlaceholders,
  normalizeParameterName,
} from '../../../src/runbooks/steps/placeholders.js';

const parametersOf = async (code: string, lang = 'bash') => (await analyzeCodeBlock({ lang, code })).parameters;
const namesOf = async (code: string, lang = 'bash') =>
  (await parametersOf(code, lang)).map((parameter) => parameter.name);

describe('step parameters', () => {
  it('finds $TOKEN and ${REDIS_PASSWORD} as env parameters with exact spans', async () => {
    const code = 'curl -H "Authorization: Bearer $TOKEN" http://x && redis-cli -a ${REDIS_PASSWORD} ping';
    const parameters = await parametersOf(code);
    expect(parameters).toEqual([
      {
        name: 'TOKEN',
        form: 'env',
        secret: true,
        token: '$TOKEN',
        occurrences: [{ start: 31, end: 37, raw: '$TOKEN', form: 'env', line: 1 }],
      },
      {
        name: 'REDIS_PASSWORD',
        form: 'env',
        secret: true,
        token: '${REDIS_PASSWORD}',
        occurrences: [expect.objectContaining({ raw: '${REDIS_PASSWORD}' })],
      },
    ]);
    const occurrence = parameters[1]?.occurrences[0];
    expect(code.slice(occurrence?.start, occurrence?.end)).toBe('${REDIS_PASSWORD}');
  });

  it('finds <angle>, {{ mustache }} and [BRACKET] placeholders and normalises their names', async () => {
    const parameters = await parametersOf(
      'sudo systemctl restart <service-name>\necho {{ agent_id }} {{agent_id}} [TASK_ID] <ID>',
    );
    expect(parameters.map(({ name, form, token }) => ({ name, form, token }))).toEqual([
      { name: 'service_name', form: 'angle', token: '<service-name>' },
      { name: 'agent_id', form: 'mustache', token: '{{ agent_id }}' },
      { name: 'TASK_ID', form: 'bracket', token: '[TASK_ID]' },
      { name: 'ID', form: 'angle', token: '<ID>' },
    ]);
    expect(parameters[1]?.occurrences.map((occurrence) => occurrence.raw)).toEqual(['{{ agent_id }}', '{{agent_id}}']);
  });

  it('merges the forms of one name into one parameter with all its occurrences', async () => {
    const parameters = await parametersOf('kubectl logs <pod_id>\nkubectl delete pod $POD_ID\necho [POD_ID]');
    expect(parameters).toHaveLength(1);
    expect(parameters[0]?.occurrences.map((occurrence) => [occurrence.form, occurrence.line])).toEqual([
      ['angle', 1],
      ['env', 2],
      ['bracket', 3],
    ]);
  });

  it('does not take shell-internal or special variables for parameters', async () => {
    expect(await namesOf('echo $? $1 $@ $$ $# $! $PWD $HOME $PATH $USER $RANDOM')).toEqual([]);
  });

  it('does not take variables assigned earlier in the block for parameters', async () => {
    expect(await namesOf('for i in 1 2 3; do echo $i; done')).toEqual([]);
    expect(await namesOf('X=1; echo $X $Y')).toEqual(['Y']);
    expect(await namesOf('export NEW_SECRET=$(openssl rand -base64 32)\necho $NEW_SECRET')).toEqual([]);
    expect(await namesOf('read -r ANSWER\necho $ANSWER')).toEqual([]);
    expect(await namesOf('echo $LATER\nLATER=1')).toEqual(['LATER']);
  });

  it('ignores $VAR inside single quotes, where the shell expands nothing', async () => {
    expect(await namesOf(`jq '.items[] | select(.name == $name)' --arg name x`)).toEqual([]);
    expect(await namesOf(`echo "$INSIDE_DOUBLE" '$NOT_THIS'`)).toEqual(['INSIDE_DOUBLE']);
  });

  it('does not take expansions that compute something for parameters', async () => {
    expect(await namesOf('echo ${#NAME} ${!REF} ${arr[0]} ${X/a/b}')).toEqual([]);
    expect(await namesOf('echo ${REGION:-eu-west-1}')).toEqual(['REGION']);
  });

  it('does not take redirections for angle placeholders', async () => {
    expect(await namesOf('psql -d app < file.sql\ncat <<EOF\nhello\nEOF\n[ "$(wc -l < x)" -le 3 ] && echo ok')).toEqual(
      [],
    );
    expect(findTemplatePlaceholders('a <= b; c<<EOF', 'shell')).toEqual([]);
  });

  it('does not take HTML or XML tags of config snippets for angle placeholders', () => {
    const yaml = 'body: <div><b>x</b></div>\nbreak: <br>\nimage: <registry>/app:<tag>';
    expect(findTemplatePlaceholders(yaml, 'config').map((match) => match.name)).toEqual(['registry', 'tag']);
    expect(findTemplatePlaceholders('<settings><value>1</value></settings>', 'config')).toEqual([]);
  });

  it('does not take tests, [[ ]], array indexes, links or character classes for bracket placeholders', () => {
    const shell = '[ -f x ] && [[ -n $a ]] && echo ${arr[IDX]} arr[IDX] && grep "[A-Z]" f && ls [AB]*';
    expect(findTemplatePlaceholders(shell, 'shell')).toEqual([]);
    expect(findTemplatePlaceholders('See [README](http://x) and [x] and [Date]', 'config')).toEqual([]);
    expect(
      findTemplatePlaceholders('tags: [PROD]\n- [STAGING]\nid: "[ID]"', 'config').map((match) => match.name),
    ).toEqual(['ID']);
  });

  it('keeps spans right after non-ASCII text', async () => {
    const code = '# Vérifier la santé\néè=1; curl -H "X-Token: $API_KEY" http://x/<id>';
    const parameters = await parametersOf(code);
    for (const parameter of parameters)
      for (const occurrence of parameter.occurrences)
        expect(code.slice(occurrence.start, occurrence.end)).toBe(occurrence.raw);
    expect(parameters.map(({ name, secret }) => [name, secret])).toEqual([
      ['API_KEY', true],
      ['id', false],
    ]);
  });

  it('masks placeholders with safe words of the same length before parsing', () => {
    const code = 'celery control revoke <task_id> && echo {{ x }}';
    const masked = maskPlaceholders(code, findTemplatePlaceholders(code, 'shell'));
    expect(masked).toHaveLength(code.length);
    expect(masked).toBe('celery control revoke _P_______ && echo _P_____');
  });

  it('marks secret names and normalises names to safe identifiers', () => {
    for (const name of ['TOKEN', 'db_password', 'PASSWD', 'client_secret', 'API_KEY', 'ssh-key', 'CREDENTIALS'])
      expect(isSecretName(name)).toBe(true);
    for (const name of ['task_id', 'service_name', 'REGION']) expect(isSecretName(name)).toBe(false);
    expect(normalizeParameterName('service-name')).toBe('service_name');
    expect(normalizeParameterName('.Values.image.tag')).toBe('Values_image_tag');
    expect(normalizeParameterName('1st')).toBe('p_1st');
    expect(normalizeParameterName('--')).toBe('param');
  });

  it('finds ${VAR} interpolations in config snippets but no bare $ words', async () => {
    expect(await namesOf('password: ${DB_PASSWORD}\nprice: $5', 'yaml')).toEqual(['DB_PASSWORD']);
  });
});
