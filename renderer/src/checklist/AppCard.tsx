/**
 * One affected application as one row of the compact checklist (issue 12, "a checklist finished in a minute"): its
 * name and service, one cell per check column (OK / Problème / Sans objet), then, across the whole row, what the
 * ward should know and the problem guidance of each check answered "Problème".
 */
import type { CheckId, CheckResult } from '../../../shared/ipc/schemas';
import type { ChecklistItemView } from '../../../shared/ipc/views';
import { ItDetails } from '../components/WardNote';
import { useT } from '../i18n';
import { CheckBlock, CheckSummary } from './CheckBlock';
import { ProblemGuidance } from './ProblemGuidance';

export interface ItemActions {
  setResult: (application: string, check: CheckId, result: CheckResult) => void;
  saveComment: (application: string, check: CheckId, comment: string) => void;
  recordRestart: (application: string, check: CheckId, fixed: boolean) => void;
}

interface Props {
  runId: string;
  item: ChecklistItemView;
  index: number;
  /** The run's check columns, in order: a row without one of them leaves its cell empty. */
  columns: readonly CheckId[];
  readOnly: boolean;
  actions: ItemActions;
}

export function AppCard({ runId, item, index, columns, readOnly, actions }: Props) {
  const { t } = useT();
  const headingId = `item-${index}-title`;
  const { application } = item;
  const problems = readOnly ? [] : item.checks.filter((c) => c.result === 'problem');
  return (
    <section className="app-row" aria-labelledby={headingId} data-testid={`app-${application}`}>
      <div className={`app-row-main columns-${columns.length}`}>
        <div className="app-name">
          <h2 id={headingId}>{application}</h2>
          <p className="meta">{t('checklist.service', { service: item.service })}</p>
        </div>
        {columns.map((id) => {
          const check = item.checks.find((c) => c.id === id);
          if (!check) return <div key={id} className="check-cell check-absent" aria-hidden="true" />;
          return readOnly ? (
            <CheckSummary key={id} application={application} check={check} />
          ) : (
            <CheckBlock
              key={id}
              application={application}
              itemIndex={index}
              check={check}
              actions={{
                setResult: (result) => actions.setResult(application, id, result),
                saveComment: (comment) => actions.saveComment(application, id, comment),
              }}
            />
          );
        })}
      </div>
      {(item.instructions.trim() || item.itDetails.trim()) && (
        <div className="instructions" data-testid="instructions">
          {item.instructions.trim() && (
            <p className="instructions-text">
              <span className="instructions-label">{t('checklist.instructions')}</span> {item.instructions}
            </p>
          )}
          <ItDetails text={item.itDetails} />
        </div>
      )}
      {problems.map((check) => (
        <ProblemGuidance
          key={check.id}
          idBase={`item-${index}-${check.id}`}
          runId={runId}
          application={application}
          check={check}
          onRestart={(fixed) => actions.recordRestart(application, check.id, fixed)}
        />
      ))}
    </section>
  );
}
