export type SseEvent = { id: string; event: string; data: unknown };

/** Reads Server-Sent Events from a response: `until` returns once enough were read (or the time ran out). */
export function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  return {
    events,
    async until(enough: (events: SseEvent[]) => boolean, timeoutMs = 15_000): Promise<SseEvent[]> {
      const deadline = Date.now() + timeoutMs;
      while (!enough(events) && Date.now() < deadline) {
        const { value, done } = await Promise.race([
          reader.read(),
          new Promise<{ value: undefined; done: true }>((resolve) =>
            setTimeout(() => resolve({ value: undefined, done: true }), deadline - Date.now()),
          ),
        ]);
        if (done === true) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          if (field('event') !== undefined)
            events.push({ id: field('id') ?? '', event: field('event')!, data: JSON.parse(field('data') ?? 'null') });
        }
      }
      return events;
    },
    close: () => reader.cancel(),
  };
}
