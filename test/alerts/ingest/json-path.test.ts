import { describe, expect, it } from 'vitest';
import {
  jsonPathPointer,
  JsonPathSyntaxError,
  parseJsonPath,
  readJsonPath,
} from '../../../src/alerts/ingest/json-path.js';

const grafana = {
  status: 'firing',
  alerts: [
    { labels: { alertname: 'HighLatency', 'team.name': "ops's" }, values: { B: 512.5 }, ok: true },
    { labels: { alertname: 'Errors' } },
  ],
  'odd key': { 'a/b~c': 'found' },
};

describe('parseJsonPath', () => {
  it.each([
    ['$', []],
    ['$.status', ['status']],
    ['$.alerts[1].labels.alertname', ['alerts', 1, 'labels', 'alertname']],
    ["$['odd key']['a/b~c']", ['odd key', 'a/b~c']],
    ['$["double"]', ['double']],
    ["$['it\\'s']['back\\\\slash']", ["it's", 'back\\slash']],
    ['$.été._x1', ['été', '_x1']],
    ["$['']", ['']],
    ['$[10]', [10]],
  ])('parses %s', (text, segments) => {
    expect(parseJsonPath(text)).toEqual({ text, segments });
  });

  it.each([
    ['', 1, 'a path starts with $'],
    ['status', 1, 'a path starts with $'],
    ['$.', 3, "expected a name after '.'"],
    ['$..a', 3, "expected a name after '.'"],
    ['$.1a', 3, "expected a name after '.'"],
    ['$.a-b', 4, "unexpected \"-\": expected '.' or '['"],
    ['$[*]', 3, 'expected an index'],
    ['$[-1]', 3, 'expected an index'],
    ['$[01]', 3, 'expected an index'],
    ['$[1', 3, 'expected an index'],
    ["$['ab", 3, 'the quoted name is not closed'],
    ["$['a'", 6, "expected ']' after the quoted name"],
    ["$['a'x", 6, "expected ']' after the quoted name"],
    ["$['a\\n']", 5, 'only \\\\ and'],
    ['$.a[?(@.b)]', 5, 'expected an index'],
    ['$ .a', 2, 'unexpected " "'],
  ])('refuses %j, saying where (character %i) and why', (text, character, reason) => {
    let thrown: unknown;
    try {
      parseJsonPath(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JsonPathSyntaxError);
    const error = thrown as JsonPathSyntaxError;
    expect(error.offset + 1).toBe(character);
    expect(error.message).toContain(`at character ${character}: ${reason}`);
  });
});

describe('readJsonPath', () => {
  it('reads members and items', () => {
    expect(readJsonPath(grafana, parseJsonPath('$.alerts[0].labels.alertname'))).toBe('HighLatency');
    expect(readJsonPath(grafana, parseJsonPath("$.alerts[0].labels['team.name']"))).toBe("ops's");
    expect(readJsonPath(grafana, parseJsonPath("$['odd key']['a/b~c']"))).toBe('found');
    expect(readJsonPath(grafana, parseJsonPath('$.alerts[0].values'))).toEqual({ B: 512.5 });
    expect(readJsonPath(grafana, parseJsonPath('$'))).toBe(grafana);
  });

  it('gives undefined for anything missing, without throwing', () => {
    for (const path of [
      '$.nope',
      '$.alerts[5]',
      '$.alerts[1].values.B',
      '$.status.length',
      '$.alerts.length',
      '$.status[0]',
      "$.alerts['0']",
      '$.alerts[0][0]',
    ]) {
      expect(readJsonPath(grafana, parseJsonPath(path)), path).toBeUndefined();
    }
    expect(readJsonPath(null, parseJsonPath('$.a'))).toBeUndefined();
    expect(readJsonPath('text', parseJsonPath('$.length'))).toBeUndefined();
  });

  it('never reads through the prototype', () => {
    for (const path of ['$.constructor', '$.__proto__', '$.toString', '$.alerts.constructor', '$.hasOwnProperty']) {
      expect(readJsonPath(grafana, parseJsonPath(path)), path).toBeUndefined();
    }
    expect(readJsonPath(JSON.parse('{"__proto__": {"x": 1}}'), parseJsonPath('$.__proto__.x'))).toBe(1);
  });
});

describe('jsonPathPointer', () => {
  it('names a path as a JSON Pointer, under a base if given', () => {
    expect(jsonPathPointer(parseJsonPath('$.alerts[2].title'))).toBe('/alerts/2/title');
    expect(jsonPathPointer(parseJsonPath("$['a/b~c']"))).toBe('/a~1b~0c');
    expect(jsonPathPointer(parseJsonPath('$.name'), '/data/3')).toBe('/data/3/name');
    expect(jsonPathPointer(parseJsonPath('$'))).toBe('/');
    expect(jsonPathPointer(parseJsonPath('$'), '/items/0')).toBe('/items/0');
  });
});
