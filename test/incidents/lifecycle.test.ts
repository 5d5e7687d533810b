import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { incidentStatuses } from '../../src/incidents/incident-model.js';
import { allowedActions, lifecycleActions, nextStatus } from '../../src/incidents/lifecycle.js';

const expected = {
  triggered: { acknowledge: 'acknowledged', resolve: 'resolved' },
  acknowledged: { mitigate: 'mitigated', resolve: 'resolved' },
  mitigated: { resolve: 'resolved' },
  resolved: { reopen: 'triggered' },
} as const;

describe('the incident lifecycle', () => {
  for (const status of incidentStatuses) {
    for (const action of lifecycleActions) {
      const target = (expected[status] as Record<string, string | undefined>)[action];
      if (target !== undefined) {
        it(`lets ${action} move a ${status} incident to ${target}`, () => {
          expect(nextStatus(status, action)).toBe(target);
        });
      } else {
        it(`refuses to ${action} a ${status} incident and names what is allowed`, () => {
          try {
            nextStatus(status, action);
            expect.unreachable();
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('invalid_transition');
            expect((error as AppError).details['allowedNextStates']).toEqual(Object.values(expected[status]));
          }
        });
      }
    }
  }

  it('lists the actions allowed from each status', () => {
    expect(allowedActions('triggered')).toEqual(['acknowledge', 'resolve']);
    expect(allowedActions('resolved')).toEqual(['reopen']);
  });
});
