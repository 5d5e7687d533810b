-- OpenID Connect sign-in (auth/oidc/). A person signing in through a provider is known by the
-- provider's issuer and their subject there, never by e-mail alone: an e-mail can change hands
-- or be set by the person themself at some providers; (issuer, subject) is stable and unique.
CREATE TABLE user_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

-- A sign-in under way: the browser holds a random secret in a short-lived HttpOnly cookie (its
-- SHA-256 is the key here), the provider sees only `state`. Kept in the database rather than in
-- a signed cookie so any node may receive the callback, and each attempt is used once.
CREATE TABLE oidc_sign_in_attempts (
  secret_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  next_path text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_sign_in_attempts_expiry ON oidc_sign_in_attempts (expires_at);
