/**
 * A channel kind's configuration schema (JSON Schema, from `GET /api/v1/notification-channels/kinds`)
 * as form fields, and the form's values back as a configuration. Generic on purpose: a new kind
 * of channel gets its form from its schema, with no change here.
 */

/** What the server shows instead of a stored secret, and takes back as "keep the stored one". */
const redactedSecret = '********';

/** A JSON Schema node, as far as the form reads one. */
export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  description?: string;
  title?: string;
  'x-title-fr'?: string;
  /** The description in French, where the kind gives one (src/core/field-hint.ts). */
  'x-description-fr'?: string;
  format?: string;
  /** `application/x-pem-file` (an e-mail relay's CA bundle): several lines, typed in a text area. */
  contentMediaType?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  examples?: unknown[];
  /** A closed list of values (a probe's HTTP method): offered as a choice. */
  enum?: unknown[];
  'x-secret'?: boolean;
}

/** A field's hint in the reader's language: the English description where no translation is given. */
export function hintOf(node: SchemaNode, language: string): string | undefined {
  return (language === 'fr' ? node['x-description-fr'] : undefined) ?? node.description;
}

export type FieldControl = 'text' | 'number' | 'boolean' | 'json' | 'choice';

/** One input of the form: a leaf of the schema, by JSON Pointer inside the configuration. */
export interface FieldSpec {
  path: string;
  name: string;
  control: FieldControl;
  node: SchemaNode;
  secret: boolean;
  required: boolean;
  /** The optional object it belongs to (`/auth` of e-mail): left out whole when all its fields are empty. */
  group: string | null;
}

export type FieldValues = Record<string, string | boolean>;

const controlOf = (node: SchemaNode): FieldControl =>
  node.enum !== undefined
    ? 'choice'
    : node.type === 'string'
      ? 'text'
      : node.type === 'integer' || node.type === 'number'
        ? 'number'
        : node.type === 'boolean'
          ? 'boolean'
          : 'json';

/** The fields of a configuration schema, `kind` left out (the form's own select). */
export function fieldsOf(schema: SchemaNode, prefix = '', group: string | null = null): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, node]): FieldSpec[] => {
    if (prefix === '' && name === 'kind') return [];
    const path = `${prefix}/${name}`;
    if (node.type === 'object' && node.properties !== undefined)
      return fieldsOf(node, path, group ?? (required.has(name) ? null : path));
    return [
      {
        path,
        name,
        control: controlOf(node),
        node,
        secret: node['x-secret'] === true,
        required: required.has(name),
        group,
      },
    ];
  });
}

function read(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function write(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('/').slice(1);
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/**
 * The form's starting values: a stored configuration's (secrets left empty: they are never shown),
 * or, with `unsaved`, one that was never stored (a suggestion), whose secrets are the caller's own.
 */
export function initialValues(fields: readonly FieldSpec[], config: unknown, unsaved = false): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    const value = read(config, field.path);
    if (field.control === 'boolean') values[field.path] = value === true;
    else if ((field.secret && !unsaved) || value === undefined || value === null) values[field.path] = '';
    else if (typeof value === 'string' || typeof value === 'number') values[field.path] = String(value);
    else values[field.path] = JSON.stringify(value, null, 2);
  }
  return values;
}

/** Whether a stored configuration has a value at this secret's place (then empty means "keep it"). */
export function hasStored(config: unknown, path: string): boolean {
  return typeof read(config, path) === 'string';
}

/**
 * The configuration to send. An empty secret that is stored goes back as `********` (the server
 * keeps the stored one); other empty fields are left out; a value that does not parse is sent as
 * typed, for the server to name the field.
 */
export function configOf(kind: string, fields: readonly FieldSpec[], values: FieldValues, stored: unknown) {
  const config: Record<string, unknown> = { kind };
  const filled = new Set<string>();
  for (const field of fields) {
    const value = values[field.path];
    let out: unknown;
    if (typeof value === 'boolean') out = value;
    else if (value === undefined || value.trim() === '')
      out = field.secret && hasStored(stored, field.path) ? redactedSecret : undefined;
    else if (field.control === 'number') out = Number.isFinite(Number(value)) ? Number(value) : value;
    else if (field.control === 'json') out = parseOr(value);
    else out = value.trim();
    if (out === undefined) continue;
    if (typeof value !== 'boolean' && field.group !== null) filled.add(field.group);
    write(config, field.path, out);
  }
  // An optional object none of whose fields was filled in is left out whole.
  for (const field of fields)
    if (field.group !== null && !filled.has(field.group)) delete config[field.group.split('/')[1]!];
  return config;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
