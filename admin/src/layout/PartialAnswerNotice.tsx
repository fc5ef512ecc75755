import { useEffect, useRef } from 'react';
import { useNotify } from 'react-admin';
import { PARTIAL_ANSWER, partialAnswers } from '../dataProvider';

/** Says which service does not answer while the pages show what the others answered (see the data provider). */
export function PartialAnswerNotice() {
  const notify = useNotify();
  const last = useRef<{ services: string; at: number } | null>(null);
  useEffect(() => {
    const listener = (event: Event) => {
      const services = (event as CustomEvent<string[]>).detail.join(', ');
      const now = Date.now();
      // Once per outage, not once per request: again only for other services, or a minute later.
      if (last.current?.services === services && now - last.current.at < 60_000) return;
      last.current = { services, at: now };
      notify('sangathan.unavailable.partial', { type: 'warning', messageArgs: { services } });
    };
    partialAnswers.addEventListener(PARTIAL_ANSWER, listener);
    return () => partialAnswers.removeEventListener(PARTIAL_ANSWER, listener);
  }, [notify]);
  return null;
}
