-- Short codes a paged person replies with ("ACK 4821") to acknowledge from a text message. A code
-- names one incident for one person, for one purpose, until `expires_at`: four digits are enough
-- because a reply is only matched among the codes of the person whose phone sent it.
CREATE TABLE reply_codes (
  user_id uuid NOT NULL REFERENCES users (id),
  code text NOT NULL,
  incident_id text NOT NULL REFERENCES incidents (id),
  purpose text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, code)
);
CREATE INDEX reply_codes_incident ON reply_codes (incident_id, user_id);
