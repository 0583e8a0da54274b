/** One affected application: its service, the inventory's comment as instructions (plain text), its checks. */
import type { CheckId, CheckResult } from '../../../shared/ipc/schemas';
import type { ChecklistItemView } from '../../../shared/ipc/views';
import { useT } from '../i18n';
import { CheckBlock, CheckSummary } from './CheckBlock';

export interface ItemActions {
  setResult: (application: string, check: CheckId, result: CheckResult) => void;
  saveComment: (application: string, check: CheckId, comment: string) => void;
  recordRestart: (application: string, check: CheckId, fixed: boolean) => void;
}

interface Props {
  runId: string;
  item: ChecklistItemView;
  index: number;
  readOnly: boolean;
  actions: ItemActions;
}

export function AppCard({ runId, item, index, readOnly, actions }: Props) {
  const { t } = useT();
  const headingId = `item-${index}-title`;
  const { application } = item;
  return (
    <section className="card app-card" aria-labelledby={headingId} data-testid={`app-${application}`}>
      <h2 id={headingId}>{application}</h2>
      <p className="meta">{t('checklist.service', { service: item.service })}</p>
      {item.instructions.trim() && (
        // Text from the inventory: rendered as text (React escapes it), never as HTML.
        <div className="instructions" data-testid="instructions">
          <p className="instructions-label">{t('checklist.instructions')}</p>
          <p className="instructions-text">{item.instructions}</p>
        </div>
      )}
      {item.checks.map((check) =>
        readOnly ? (
          <CheckSummary key={check.id} application={application} check={check} />
        ) : (
          <CheckBlock
            key={check.id}
            runId={runId}
            application={application}
            itemIndex={index}
            check={check}
            actions={{
              setResult: (result) => actions.setResult(application, check.id, result),
              saveComment: (comment) => actions.saveComment(application, check.id, comment),
              recordRestart: (fixed) => actions.recordRestart(application, check.id, fixed),
            }}
          />
        ),
      )}
    </section>
  );
}
