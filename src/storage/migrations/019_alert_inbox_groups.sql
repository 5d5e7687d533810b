-- New groups first: each inbox row now holds the alerts of one request and ONE group (integration
-- + group key), and says whether that group had no open incident when it was accepted (`urgent`:
-- its first alert opens an incident and pages). A node handles urgent rows before the backlog,
-- together with any older rows of the same groups (so a group's alerts keep their order), and a
-- storm of alerts joining an open incident never delays a new one. Rows from before this
-- migration have no group: they are handled with the backlog, oldest first.
ALTER TABLE alert_inbox ADD COLUMN group_key text;
ALTER TABLE alert_inbox ADD COLUMN urgent boolean NOT NULL DEFAULT false;
CREATE INDEX alert_inbox_urgent ON alert_inbox (id) WHERE urgent;
CREATE INDEX alert_inbox_group ON alert_inbox (integration_id, group_key, id);
