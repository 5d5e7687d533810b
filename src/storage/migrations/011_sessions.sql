-- Sign-in for people (the console): a password per user (scrypt, see auth/password-hash.ts) and
-- sessions carried by an HttpOnly cookie; only the SHA-256 of a session's secret is stored.
ALTER TABLE users ADD COLUMN password_hash text;

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  secret_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text,
  source_ip text
);
CREATE INDEX sessions_user ON sessions (user_id);
