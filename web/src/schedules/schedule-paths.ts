/** Where the schedule pages live. */
export const newSchedulePath = '/admin/schedules/new';
export const schedulePath = (id: string): string => `/schedules/${encodeURIComponent(id)}`;
export const scheduleEditPath = (id: string): string => `/admin/schedules/${encodeURIComponent(id)}/edit`;
/** The API path of a schedule (and of what hangs under it, with `rest`). */
export const scheduleApi = (id: string, rest = ''): string => `/api/v1/schedules/${encodeURIComponent(id)}${rest}`;
