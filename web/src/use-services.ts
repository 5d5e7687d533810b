import { useEffect, useState } from 'react';
import { api } from './api';
import type { Paged } from './types';

/** A service as pickers show it. */
export interface ServiceChoice {
  id: string;
  name: string;
}

/**
 * The catalogue's services, for filters and pickers. A failed read leaves the list empty: the
 * pickers then hide, and everything else on the page keeps working.
 */
export function useServices(): ServiceChoice[] {
  const [services, setServices] = useState<ServiceChoice[]>([]);
  useEffect(() => {
    let cancelled = false;
    api<Paged<ServiceChoice>>('GET', '/api/v1/services?limit=500').then(
      (page) => !cancelled && setServices(page.items.map(({ id, name }) => ({ id, name }))),
      () => !cancelled && setServices([]),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return services;
}
