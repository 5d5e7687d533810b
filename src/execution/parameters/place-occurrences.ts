import type { ParameterOccurrence } from '../../runbooks/steps/step-types.js';
import { isParameterName } from './parameter-environment.js';
import { unsafeParameter } from './unsafe-parameter.js';

/** What the rewriters need of an occurrence (`FoundParameter.occurrences` items fit). */
export type OccurrenceInput = Pick<ParameterOccurrence, 'start' | 'end' | 'raw' | 'form' | 'line'>;

/** What the rewriters need of a parameter (`FoundParameter` fits). */
export interface ParameterInput {
  name: string;
  occurrences: readonly OccurrenceInput[];
}

/** One occurrence with the parameter it belongs to. */
export interface PlacedOccurrence {
  name: string;
  occurrence: OccurrenceInput;
}

/**
 * Flattens the occurrences of all parameters in code order and checks they still describe this
 * code: an analysis of another version of the step must not rewrite the wrong characters.
 */
export function placeOccurrences(code: string, parameters: readonly ParameterInput[]): PlacedOccurrence[] {
  const placed: PlacedOccurrence[] = [];
  for (const { name, occurrences } of parameters) {
    if (!isParameterName(name)) throw new Error(`Parameter name ${JSON.stringify(name)} is not a shell identifier`);
    for (const occurrence of occurrences) {
      const { start, end, raw } = occurrence;
      if (
        !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= code.length) ||
        code.slice(start, end) !== raw
      ) {
        throw new Error(
          `Occurrence ${JSON.stringify(raw)} of parameter ${name} at ${start}-${end} does not match the step's code`,
        );
      }
      placed.push({ name, occurrence });
    }
  }
  placed.sort((a, b) => a.occurrence.start - b.occurrence.start);
  for (let i = 1; i < placed.length; i++) {
    const previous = placed[i - 1];
    const current = placed[i];
    if (previous !== undefined && current !== undefined && current.occurrence.start < previous.occurrence.end) {
      throw unsafeParameter(
        current.name,
        current.occurrence.line,
        `${current.occurrence.raw} overlaps ${previous.occurrence.raw}; write them apart`,
      );
    }
  }
  return placed;
}
