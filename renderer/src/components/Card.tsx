/** A page section under its own heading: the heading names the section for screen readers (aria-labelledby). */
import type { ReactNode } from 'react';

export function Card({ id, title, children }: { id: string; title: ReactNode; children?: ReactNode }) {
  const titleId = `${id}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
