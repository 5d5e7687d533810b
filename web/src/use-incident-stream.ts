import { useEffect, useRef, useState } from 'react';
import { api } from './api';
import type { Incident } from './types';

export type StreamState = 'connecting' | 'live' | 'down';

interface StreamHandlers {
  /** An incident was declared or changed; it comes whole, as the API shows it. */
  onIncident: (incident: Incident) => void;
  /**
   * The stream is (again) connected. Changes made before it opened — between the page's first
   * fetch and the connection, or during an outage the browser could not resume — are not sent:
   * refetch here.
   */
  onOpen?: () => void;
}

const url = '/api/v1/incidents/events';
const maxRetryMs = 30_000;

/**
 * Follows `GET /api/v1/incidents/events` (Server-Sent Events, authenticated by the session
 * cookie, same origin). The browser resumes a dropped connection by itself with Last-Event-ID;
 * when the server refuses the stream (a non-200 answer closes an EventSource for good) this
 * reconnects with a growing delay, and checks the session so an expired one leads to sign-in.
 */
export function useIncidentStream(handlers: StreamHandlers): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  // The latest handlers, without reconnecting each time the caller renders new closures.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let retryMs = 2_000;
    let stopped = false;

    const onIncident = (event: MessageEvent<string>) => {
      let incident: Incident;
      try {
        incident = JSON.parse(event.data) as Incident;
      } catch {
        return; // A garbled event is dropped: the next change resends the whole incident.
      }
      latest.current.onIncident(incident);
    };

    const connect = () => {
      source = new EventSource(url);
      source.addEventListener('incident', onIncident);
      source.onopen = () => {
        retryMs = 2_000;
        setState('live');
        latest.current.onOpen?.();
      };
      source.onerror = () => {
        setState('down');
        if (source?.readyState !== EventSource.CLOSED || stopped) return; // The browser is retrying.
        source.close();
        // Any API call reports a 401 to the app, which sends the person to sign-in.
        api('GET', '/api/v1/incidents?limit=1').catch(() => {});
        retryTimer = window.setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, maxRetryMs);
      };
    };

    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, []);

  return state;
}
