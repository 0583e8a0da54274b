/**
 * What the ward reads about an application (the "Consigne pour l'unité", else IT's comment) and, when a consigne
 * took the comment's place, IT's comment collapsed under "Détails pour les TI" (issue 12,
 * docs/inventory-format.md section 2). Inventory text: rendered as text by React, never as HTML.
 */
import { useT } from '../i18n';

export function ItDetails({ text }: { text: string }) {
  const { t } = useT();
  if (!text.trim()) return null;
  return (
    <details className="it-details" data-testid="it-details">
      <summary>{t('note.itDetails')}</summary>
      <p className="comment-text">{text}</p>
    </details>
  );
}
