import type { Layer, Rotation, ScheduleRecord } from './schedules-types';
import { isoToZoned, zonedToIso } from './zoned-time';

/** A restriction window as its fields hold it. */
export interface RestrictionDraft {
  key: string;
  weekdays: number[];
  from: string;
  to: string;
}

/** A layer as the editor holds it: text for the fields, the start as a wall-clock time in the zone. */
export interface LayerDraft {
  key: string;
  id: string;
  name: string;
  kind: Rotation['kind'];
  lengthHours: string;
  handoffTime: string;
  handoffWeekday: number;
  startsAt: string;
  /** Kept as loaded: the editor does not end layers. */
  endsAt: string | undefined;
  participants: string[];
  restrictions: RestrictionDraft[];
}

export interface ScheduleDraft {
  id: string;
  name: string;
  timeZone: string;
  layers: LayerDraft[];
  /** Kept as loaded: overrides are added and removed on the schedule's page, one by one. */
  overrides: ScheduleRecord['definition']['overrides'];
  teamId: string | null;
}

let counter = 0;
/** A key for React lists (and a new layer's id), unique in this page. */
export const freshKey = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

export const allWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export function newLayer(zone: string, index: number): LayerDraft {
  return {
    key: freshKey('layer'),
    id: freshKey('layer'),
    name: `Layer ${index + 1}`,
    kind: 'weekly',
    lengthHours: '12',
    handoffTime: '09:00',
    handoffWeekday: 1,
    // A week back, not today: the first shift starts at the first handoff after the start, so a
    // weekly layer starting today had nobody on call until its handoff day came round (up to 7 days).
    startsAt: `${isoToZoned(new Date(Date.now() - 7 * 86_400_000).toISOString(), zone).slice(0, 10)}T00:00`,
    endsAt: undefined,
    participants: [],
    restrictions: [],
  };
}

export function draftOf(record: ScheduleRecord): ScheduleDraft {
  const zone = record.definition.timeZone;
  return {
    id: record.id,
    name: record.name,
    timeZone: zone,
    teamId: record.teamId,
    overrides: record.definition.overrides,
    layers: record.definition.layers.map((layer) => ({
      key: layer.id,
      id: layer.id,
      name: layer.name,
      kind: layer.rotation.kind,
      lengthHours: String((layer.rotation.lengthMinutes ?? 720) / 60),
      handoffTime: layer.rotation.handoffTime,
      handoffWeekday: layer.rotation.handoffWeekday ?? 1,
      startsAt: isoToZoned(layer.startsAt, zone),
      endsAt: layer.endsAt,
      participants: [...layer.participants],
      restrictions: (layer.restrictions ?? []).map((r) => ({
        key: freshKey('window'),
        weekdays: [...(r.weekdays ?? allWeekdays)],
        from: r.from,
        to: r.to,
      })),
    })),
  };
}

function layerOf(draft: LayerDraft, zone: string): Layer {
  const rotation: Rotation = { kind: draft.kind, handoffTime: draft.handoffTime };
  if (draft.kind === 'custom') rotation.lengthMinutes = Math.round(Number(draft.lengthHours) * 60);
  if (draft.kind === 'weekly') rotation.handoffWeekday = draft.handoffWeekday;
  return {
    id: draft.id,
    name: draft.name,
    rotation,
    // An unreadable start goes as typed: the server names the field.
    startsAt: zonedToIso(draft.startsAt, zone) ?? draft.startsAt,
    ...(draft.endsAt === undefined ? {} : { endsAt: draft.endsAt }),
    participants: draft.participants,
    ...(draft.restrictions.length === 0
      ? {}
      : {
          restrictions: draft.restrictions.map((r) => ({
            // Every day is the default: said by leaving the list out.
            ...(r.weekdays.length === allWeekdays.length ? {} : { weekdays: [...r.weekdays].sort() }),
            from: r.from,
            to: r.to,
          })),
        }),
  };
}

/** The definition the API checks (and the preview draws): what the fields say, unvalidated. */
export function definitionOf(draft: ScheduleDraft) {
  return {
    timeZone: draft.timeZone,
    layers: draft.layers.map((layer) => layerOf(layer, draft.timeZone)),
    overrides: draft.overrides,
  };
}
