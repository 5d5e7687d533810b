import { useEffect, useState } from 'react';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { executionEventsUrl, finalStatuses, listOutput, type OutputChunk, type StepExecution } from './runs-api';

/**
 * A step execution's output: streamed (Server-Sent Events) while the step may still print, read
 * once when it is over. Chunks are keyed by their sequence number, so a stream resumed by the
 * browser (Last-Event-ID) or a read overlapping the stream never shows a line twice.
 */
export function useExecutionOutput(
  runId: string,
  execution: StepExecution,
  onStatus: (execution: StepExecution) => void,
): {
  chunks: OutputChunk[];
  error: string | null;
} {
  const { t } = useI18n();
  // Held with the execution they belong to: a re-run is a new execution in the same view, whose
  // chunks start again at seq 1 — mixed with the last attempt's, they would be taken for repeats.
  const [output, setOutput] = useState<{ executionId: string; chunks: OutputChunk[] }>({
    executionId: execution.id,
    chunks: [],
  });
  const [lost, setLost] = useState<{ executionId: string; message: string } | null>(null);
  const final = finalStatuses.has(execution.status);
  const silent =
    execution.status === 'awaiting-approval' ||
    execution.status === 'refused' ||
    execution.status === 'skipped' ||
    execution.status === 'done';

  useEffect(() => {
    if (silent) return undefined;
    const executionId = execution.id;
    const add = (more: readonly OutputChunk[]) =>
      setOutput((current) => {
        const shown = current.executionId === executionId ? current.chunks : [];
        const known = new Set(shown.map((chunk) => chunk.seq));
        const fresh = more.filter((chunk) => !known.has(chunk.seq));
        if (fresh.length === 0 && current.executionId === executionId) return current;
        return { executionId, chunks: [...shown, ...fresh].sort((a, b) => a.seq - b.seq) };
      });
    const setError = (message: string) => setLost({ executionId, message });
    if (final) {
      let cancelled = false;
      listOutput(runId, execution.id)
        .then((read) => !cancelled && add(read))
        .catch((failure: unknown) => !cancelled && setError(errorText(failure, t)));
      return () => {
        cancelled = true;
      };
    }
    const source = new EventSource(executionEventsUrl(runId, execution.id));
    source.addEventListener('output', (event) =>
      add([JSON.parse((event as MessageEvent<string>).data) as OutputChunk]),
    );
    source.addEventListener('status', (event) =>
      onStatus(JSON.parse((event as MessageEvent<string>).data) as StepExecution),
    );
    // The server ends the stream after `end`; closing here stops the browser from reconnecting.
    source.addEventListener('end', () => source.close());
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) setError(t('runs.outputLost'));
    });
    return () => source.close();
    // onStatus is the caller's callback: a new closure each render must not reopen the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId, execution.id, final, silent, t]);

  return {
    chunks: output.executionId === execution.id ? output.chunks : [],
    error: lost !== null && lost.executionId === execution.id ? lost.message : null,
  };
}
