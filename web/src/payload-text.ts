/**
 * A timeline payload field on one line, as `String` writes a scalar: '' when it is absent (null or
 * undefined), JSON for anything nested, never "[object Object]".
 */
export function payloadText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return '';
    default:
      return value === null ? '' : JSON.stringify(value);
  }
}
