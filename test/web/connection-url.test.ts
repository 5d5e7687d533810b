import { describe, expect, it } from 'vitest';
import { connectionUrl, emptyFields, fieldsOf, shownUrl } from '../../web/src/secrets/connection-url.js';

const fields = { ...emptyFields, host: 'db.internal', database: 'orders', user: 'app', tls: 'disable' };

describe('the SQL connection form URL', () => {
  it('percent-encodes a password with URL characters, so that it stays the password', () => {
    const url = connectionUrl({ ...fields, password: 'p@ss/w:rd?#' }, false);
    expect(url).toBe('postgres://app:p%40ss%2Fw%3Ard%3F%23@db.internal:5432/orders?sslmode=disable');
    expect(decodeURIComponent(new URL(url).password)).toBe('p@ss/w:rd?#');
  });

  it('sends **** to keep the stored password when editing one and none is typed, and nothing when there is none', () => {
    expect(connectionUrl(fields, true)).toBe('postgres://app:****@db.internal:5432/orders?sslmode=disable');
    expect(connectionUrl(fields, false)).toBe('postgres://app@db.internal:5432/orders?sslmode=disable');
  });

  it('reads a shown URL back into fields, keeping an sslmode and parameters it has no field for', () => {
    const read = fieldsOf('postgres://app:****@db.internal:6432/orders?sslmode=require&application_name=astreinte');
    expect(read).toEqual({
      host: 'db.internal',
      port: '6432',
      database: 'orders',
      user: 'app',
      password: '',
      tls: 'require',
      otherParameters: 'application_name=astreinte',
    });
    expect(connectionUrl(read, true)).toBe(
      'postgres://app:****@db.internal:6432/orders?application_name=astreinte&sslmode=require',
    );
  });

  it('previews a typed password as ****, never as typed', () => {
    expect(shownUrl({ ...fields, password: 'typed-secret' }, false)).toBe(
      'postgres://app:****@db.internal:5432/orders?sslmode=disable',
    );
  });
});
