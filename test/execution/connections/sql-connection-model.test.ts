import { describe, expect, it } from 'vitest';
import { displayConnectionUrl, withoutPassword } from '../../../src/execution/connections/sql-connection-model.js';

describe('hiding a connection password', () => {
  it('removes every appearance of the password from a message, percent-encoded in the URL or not', () => {
    expect(withoutPassword('auth failed for app:s3cret-pw@db (s3cret-pw)', 'postgres://app:s3cret-pw@db/x')).toBe(
      'auth failed for app:****@db (****)',
    );
    expect(withoutPassword('password "p@ss/w0rd" refused', 'postgres://app:p%40ss%2Fw0rd@db/x')).toBe(
      'password "****" refused',
    );
  });

  it('leaves a message alone when the URL has no password or cannot be read', () => {
    expect(withoutPassword('connection refused', 'postgres://app@db/x')).toBe('connection refused');
    expect(withoutPassword('connection refused', 'not a url')).toBe('connection refused');
  });

  it('shows a URL with its password and password parameters masked', () => {
    expect(displayConnectionUrl('postgres://app:s3cret@db:5432/orders?sslmode=require')).toBe(
      'postgres://app:****@db:5432/orders?sslmode=require',
    );
    expect(displayConnectionUrl('postgresql://db/app?user=app&sslpassword=k3y')).toBe(
      'postgresql://db/app?user=app&sslpassword=****',
    );
  });
});
