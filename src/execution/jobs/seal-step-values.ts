import { encryptSecret, decryptSecret, SecretCryptoError } from '../secrets/secret-crypto.js';
import { AppError } from '../../core/app-error.js';
import type { StepJobServices } from './step-job-services.js';

/** What seals a step's values: bound to the run and step, so they cannot be replayed elsewhere. */
export const sealingContext = (runId: string, stepId: string): string => `step-parameters:${runId}:${stepId}`;

/** Seals the operator's values until a runner claims the step: the sealed text and who can open it. */
export function sealStepValues(
  values: Readonly<Record<string, string>>,
  node: Pick<StepJobServices, 'sealing' | 'nodeId'>,
  target: { runId: string; stepId: string },
): { sealed: string | null; sealedBy: string | null } {
  if (Object.keys(values).length === 0) return { sealed: null, sealedBy: null };
  return {
    sealed: encryptSecret(JSON.stringify(values), node.sealing.key, sealingContext(target.runId, target.stepId)),
    sealedBy: node.sealing.shared ? null : node.nodeId,
  };
}

/** Opens the values sealed by `sealStepValues`; a 409 when this node's key cannot (the sealing node restarted). */
export function openSealedValues(
  row: { sealed_parameters: string | null; step_id: string },
  node: Pick<StepJobServices, 'sealing'>,
  runId: string,
): Record<string, string> {
  if (row.sealed_parameters === null) return {};
  try {
    return JSON.parse(
      decryptSecret(row.sealed_parameters, node.sealing.key, sealingContext(runId, row.step_id)),
    ) as Record<string, string>;
  } catch (error) {
    if (!(error instanceof SecretCryptoError)) throw error;
    throw new AppError(
      'conflict',
      'its parameter values cannot be opened any more (sealed by a node that has restarted, or under another key): run it again',
      {},
    );
  }
}
