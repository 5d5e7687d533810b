-- One-time links where a person chooses their console password: the first admin's is printed on
-- the first start, `astreinte user setup-link` prints others. Only the SHA-256 of a link's token is
-- stored; a link opens once, before `expires_at`, and a newer link for the same person replaces it.
CREATE TABLE setup_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  replaced_at timestamptz
);
CREATE INDEX setup_links_user ON setup_links (user_id);
