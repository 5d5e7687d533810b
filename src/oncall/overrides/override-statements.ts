/** Statements shared by the override verbs: both rewrite the definition under the schedule's row lock. */
export const lockScheduleDefinition = 'SELECT definition FROM schedules WHERE id = $1 FOR UPDATE';
export const saveScheduleDefinition = 'UPDATE schedules SET definition = $2, updated_at = $3 WHERE id = $1';
