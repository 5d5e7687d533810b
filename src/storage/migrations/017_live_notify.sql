-- Live updates without polling: each statement that adds timeline events, step output or timers,
-- or changes a step execution, sends one notification naming what changed. NOTIFY is delivered
-- at commit (never for a rollback), so a listener that reads on it sees the rows. One per
-- statement, not per row: a batch of a thousand events costs one notification. Past 100 ids the
-- payload (8 kB at most) says '*': listeners then re-read everything they follow.

CREATE FUNCTION astreinte_notify_ids(channel text, ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  ELSIF cardinality(ids) > 100 THEN
    PERFORM pg_notify(channel, '*');
  ELSE
    PERFORM pg_notify(channel, array_to_string(ids, ','));
  END IF;
END $$;

CREATE FUNCTION astreinte_notify_incident_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM astreinte_notify_ids('astreinte_incident',
    ARRAY(SELECT DISTINCT incident_id FROM new_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER incident_events_notify AFTER INSERT ON incident_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION astreinte_notify_incident_events();

CREATE FUNCTION astreinte_notify_step_output() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM astreinte_notify_ids('astreinte_step',
    ARRAY(SELECT DISTINCT execution_id::text FROM new_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER step_output_notify AFTER INSERT ON step_output
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION astreinte_notify_step_output();

CREATE FUNCTION astreinte_notify_step_executions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM astreinte_notify_ids('astreinte_step', ARRAY(SELECT id::text FROM new_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER step_executions_notify AFTER UPDATE ON step_executions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION astreinte_notify_step_executions();

-- Timers: the earliest due time of the statement's new timers (epoch ms), so a node whose timer
-- loop would look only later wakes when the work is due. ON CONFLICT DO NOTHING inserts none: no notification.
CREATE FUNCTION astreinte_notify_timers() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  earliest timestamptz;
BEGIN
  SELECT min(due_at) INTO earliest FROM new_rows;
  IF earliest IS NOT NULL THEN
    PERFORM pg_notify('astreinte_timer', floor(extract(epoch FROM earliest) * 1000)::bigint::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER timers_notify AFTER INSERT ON timers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION astreinte_notify_timers();
