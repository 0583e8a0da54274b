/**
 * The fleet report as ONE self-contained HTML file IT opens from the share (issue 5): inline CSS, an inline SVG
 * chart, no script, no external resource (a CSP meta forbids both), French. Every piece of text from reports or
 * the inventory goes through esc(): a hostile application name is shown, never run.
 */
import { DateTime } from 'luxon';
import { formatWindow } from '../../../shared/i18n/format';
import type { FleetSummary, ServiceCompletion, ServiceWindow } from './fleet-types';
import { SUSPECT_FR } from './fleet-suspect';
import {
  acknowledgedFr,
  CHECK_FR,
  frCount,
  localStamp,
  localStamps,
  restartFr,
  STATUS_FR,
  summarizeList,
} from './labels';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';

/**
 * Rows and list entries drawn per section: 5,000 workstations must give a page a browser opens, not one of
 * hundreds of megabytes. What is cut is said ("… et 1 998 autres"); the JSON summary and the CSV keep it all.
 */
const MAX_LIST = 10;
const MAX_ROWS = 2000;

export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const CSS = `
body{font-family:"Segoe UI",Arial,sans-serif;margin:24px;color:#1a1a1a;background:#fff;line-height:1.4}
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:2px solid #0b5394}
.meta{color:#444;margin:0 0 1em}.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:130px}
.card b{display:block;font-size:1.5em}.bad b{color:#b71c1c}.good b{color:#1b5e20}
table{border-collapse:collapse;width:100%;font-size:.92em;margin:.4em 0}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef3f9}tr.unverified td{background:#f5f5f5}tr.problems td{background:#fff4e5}tr.suspect td{background:#fdecea}
.st-ok{color:#1b5e20;font-weight:600}.st-problems{color:#e65100;font-weight:600}.st-unverified{color:#616161;font-weight:600}
.st-suspect{color:#b71c1c;font-weight:600}.flag{color:#b71c1c}
.muted{color:#666}.legend span{display:inline-block;margin-right:16px}
.sw{display:inline-block;width:12px;height:12px;vertical-align:middle;margin-right:4px}
ul.plain{margin:0;padding-left:1.1em}
@media print{body{margin:8mm}h2{break-after:avoid}}
`;

const COLORS = { ok: '#2e7d32', problems: '#ef6c00', suspect: '#c62828', unverified: '#bdbdbd' } as const;

function windowLabel(startIso: string, endIso: string, zone: string): string {
  const s = DateTime.fromISO(startIso, { setZone: true }).setZone(zone);
  const e = DateTime.fromISO(endIso, { setZone: true }).setZone(zone);
  if (!s.isValid || !e.isValid) return `${startIso} – ${endIso}`;
  return `${s.toFormat('yyyy-LL-dd')} · ${formatWindow(s, e, 'fr')}`;
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((100 * n) / d)} %`);

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Horizontal stacked bars: verified without problem, verified with a problem, not verified. */
export function completionChart(rows: readonly ServiceCompletion[]): string {
  if (rows.length === 0) return '<p class="muted">Aucune plage sur la période.</p>';
  const labelW = 280;
  const barW = 380;
  const rowH = 22;
  const width = labelW + barW + 110;
  const height = rows.length * rowH + 8;
  const bars = rows.map((r, i) => {
    const y = 4 + i * rowH;
    const scale = r.windows === 0 ? 0 : barW / r.windows;
    const ok = (r.verified - r.withProblems) * scale;
    const pb = r.withProblems * scale;
    const su = r.suspect * scale;
    const un = (r.windows - r.verified - r.suspect) * scale;
    const label = `${r.site} — ${r.service}`;
    const title =
      `${label} : ${r.verified} plage(s) vérifiée(s) sur ${r.windows}, dont ${r.withProblems} avec problème` +
      (r.suspect ? ` ; ${r.suspect} non confirmée(s) (rapports suspects)` : '');
    return (
      `<g><title>${esc(title)}</title>` +
      `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12">${esc(truncate(label, 42))}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${ok.toFixed(1)}" height="16" fill="${COLORS.ok}"/>` +
      `<rect x="${(labelW + ok).toFixed(1)}" y="${y + 3}" width="${pb.toFixed(1)}" height="16" fill="${COLORS.problems}"/>` +
      `<rect x="${(labelW + ok + pb).toFixed(1)}" y="${y + 3}" width="${su.toFixed(1)}" height="16" fill="${COLORS.suspect}"/>` +
      `<rect x="${(labelW + ok + pb + su).toFixed(1)}" y="${y + 3}" width="${un.toFixed(1)}" height="16" fill="${COLORS.unverified}"/>` +
      `<text x="${labelW + barW + 6}" y="${y + 15}" font-size="12">${r.verified}/${r.windows} (${pct(r.verified, r.windows)})</text></g>`
    );
  });
  return (
    `<svg role="img" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" aria-label="Taux de vérification par service" font-family="Segoe UI, Arial, sans-serif">` +
    bars.join('') +
    '</svg>' +
    '<p class="legend">' +
    `<span><i class="sw" style="background:${COLORS.ok}"></i>Vérifié, sans problème</span>` +
    `<span><i class="sw" style="background:${COLORS.problems}"></i>Vérifié, problème signalé</span>` +
    `<span><i class="sw" style="background:${COLORS.suspect}"></i>Non confirmé (rapports suspects)</span>` +
    `<span><i class="sw" style="background:${COLORS.unverified}"></i>Non vérifié</span></p>`
  );
}

function card(label: string, value: number, tone = ''): string {
  return `<div class="card ${tone}"><b>${value}</b>${esc(label)}</div>`;
}

/** `<li>` entries, the first MAX_LIST drawn and the rest counted. */
function cappedList(items: readonly string[], what: string): string {
  const more = items.length - MAX_LIST;
  const tail = more > 0 ? `<li class="muted">… et ${frCount(more)} autres ${what}</li>` : '';
  return `<ul class="plain">${items.slice(0, MAX_LIST).join('')}${tail}</ul>`;
}

function cappedRows(rows: readonly string[], columns: number): string[] {
  if (rows.length <= MAX_ROWS) return [...rows];
  const note = `… et ${frCount(rows.length - MAX_ROWS)} autres lignes (liste complète : --json ou --csv)`;
  return [...rows.slice(0, MAX_ROWS), `<tr><td colspan="${columns}" class="muted">${note}</td></tr>`];
}

function verifiedCell(w: ServiceWindow, stamp: (iso: string) => string): string {
  if (w.verifiedBy.length === 0) return '<span class="muted">Aucun rapport reçu</span>';
  // Trusted reports first: they are what the status rests on.
  const ordered = [...w.verifiedBy].sort((a, b) => Number(a.suspect.length > 0) - Number(b.suspect.length > 0));
  const items = ordered.map((b) => {
    const extra = [
      b.problems ? `${b.problems} problème(s)` : '',
      b.unanswered ? `${b.unanswered} sans réponse` : '',
    ].filter(Boolean);
    const flag = b.suspect.length
      ? ` <span class="flag">⚠ suspect : ${esc(b.suspect.map((k) => SUSPECT_FR[k]).join(', '))}</span>`
      : '';
    return (
      `<li>${esc(b.workstation)} — ${esc(b.initials || '?')} <span class="muted">(${esc(b.userAccount)})</span>, ` +
      `${esc(stamp(b.submittedAt))}${extra.length ? ` — ${esc(extra.join(', '))}` : ''}${flag}</li>`
    );
  });
  return cappedList(items, 'postes');
}

function problemsCell(w: ServiceWindow): string {
  if (w.problems.length === 0) return '';
  const items = w.problems.map(
    (p) =>
      `<li><b>${esc(p.application)}</b> : ${esc(CHECK_FR[p.check])} — ${esc(restartFr(p.restart) || 'Redémarrage non indiqué')}` +
      `${p.comment ? ` — « ${esc(p.comment)} »` : ''} <span class="muted">(${esc(p.workstation)})</span></li>`,
  );
  return cappedList(items, 'problèmes');
}

function table(headers: readonly string[], rows: readonly string[]): string {
  return `<table><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderFleetHtml(s: FleetSummary, zone = DEFAULT_ZONE): string {
  const t = s.totals;
  const stamp = localStamps(zone);
  const period =
    s.period.from || s.period.to
      ? `Plages du ${s.period.from ? esc(localStamp(s.period.from, zone)) : 'début'} au ${s.period.to ? esc(localStamp(s.period.to, zone)) : "aujourd'hui"}`
      : 'Toutes les plages trouvées dans le dossier';
  const e = s.expectationsPeriod;
  const anyOver = e !== null && DateTime.fromISO(e.from) < DateTime.fromISO(e.to);
  const expectations = !e
    ? 'Sans inventaire : seuls les services qui ont envoyé au moins un rapport apparaissent (option --inventory pour voir les services silencieux).'
    : anyOver
      ? `Inventaire utilisé : les services sans rapport sont recherchés parmi les plages terminées du ${esc(localStamp(e.from, zone))} au ${esc(localStamp(e.to, zone))}.`
      : 'Inventaire utilisé : aucune plage de la période n’est encore terminée, aucun service ne peut encore être en retard.';
  const noneUnverified = !e
    ? '<p class="muted">Sans inventaire (option --inventory), les services qui n’ont rien envoyé ne peuvent pas être listés.</p>'
    : anyOver
      ? '<p>Tous les services attendus ont envoyé un rapport.</p>'
      : '<p class="muted">Aucune plage de la période n’est encore terminée.</p>';

  const unverifiedRows = s.unverified.map(
    (u) =>
      `<tr class="unverified"><td>${esc(windowLabel(u.windowStart, u.windowEnd, zone))}</td><td>${esc(u.site)}</td>` +
      `<td>${esc(u.service)}</td><td>${esc(summarizeList(u.applications, MAX_LIST))}</td></tr>`,
  );
  const windowRows = s.serviceWindows.map(
    (w) =>
      `<tr class="${w.status}"><td>${w.noticeId ? 'Avis de panne · ' : ''}${esc(windowLabel(w.windowStart, w.windowEnd, zone))}</td>` +
      `<td>${esc(w.site)}</td>` +
      `<td>${esc(w.service)}</td><td class="st-${w.status}">${esc(STATUS_FR[w.status])}</td>` +
      `<td>${verifiedCell(w, stamp)}</td><td>${problemsCell(w)}</td>` +
      `<td>${esc(acknowledgedFr(w.acknowledged.slice(0, MAX_LIST), stamp))}${w.acknowledged.length > MAX_LIST ? ` … et ${frCount(w.acknowledged.length - MAX_LIST)} autres` : ''}</td></tr>`,
  );
  const appRows = s.applications
    .filter((a) => a.problems > 0)
    .map(
      (a) =>
        `<tr><td><b>${esc(a.application)}</b></td><td>${esc(a.sites.join(', '))}</td><td>${esc(a.services.join(', '))}</td>` +
        `<td>${a.problems}</td><td>${a.fixedByRestart}</td><td>${a.notFixed}</td><td>${a.reports}</td>` +
        `<td>${esc(summarizeList(a.workstationsWithProblems, MAX_LIST))}</td></tr>`,
    );
  const skippedRows = s.skipped.map((f) => `<tr><td>${esc(f.file)}</td><td>${esc(f.reason)}</td></tr>`);
  const suspectRows = s.suspects.map(
    (r) =>
      `<tr class="suspect"><td>${esc(r.file)}</td><td>${esc(r.workstation)}</td><td>${esc(r.site)}</td>` +
      `<td>${esc(windowLabel(r.windowStart, r.windowEnd, zone))}</td>` +
      `<td><ul class="plain">${r.flags.map((f) => `<li>${esc(f.reason)}</li>`).join('')}</ul></td></tr>`,
  );

  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vigie — vérifications après les plages de maintenance</title>
<style>${CSS}</style>
</head>
<body>
<h1>Vigie — vérifications après les plages de maintenance</h1>
<p class="meta">Généré le ${esc(localStamp(s.generatedAt, zone))}${s.folder ? ` à partir de « ${esc(s.folder)} »` : ''}. ${period}.<br>${expectations}</p>
<div class="cards">
${card('rapports reçus', t.reports)}${card('postes', t.workstations)}${card('plages × services', t.serviceWindows)}
${card('vérifiés', t.verified, 'good')}${card('non vérifiés', t.unverified, t.unverified ? 'bad' : '')}
${card('problèmes signalés', t.problems, t.problems ? 'bad' : '')}${card('non réglés en redémarrant', t.notFixed, t.notFixed ? 'bad' : '')}
${card('rapports suspects', t.suspectReports, t.suspectReports ? 'bad' : '')}${card('non confirmés (rapports suspects)', t.suspectWindows, t.suspectWindows ? 'bad' : '')}
${card('fichiers ignorés', t.skipped)}
</div>
<h2>Taux de vérification par service</h2>
${completionChart(s.completion)}
<h2>Services sans vérification (${s.unverified.length})</h2>
${unverifiedRows.length ? table(['Plage', 'Site', 'Service', 'Applications touchées'], cappedRows(unverifiedRows, 4)) : noneUnverified}
<h2>Rapports suspects (${frCount(s.suspects.length)})</h2>
${suspectRows.length ? table(['Fichier', 'Poste', 'Site annoncé', 'Plage', 'Ce qui ne concorde pas'], cappedRows(suspectRows, 5)) : '<p>Aucun.</p>'}
<h2>Problèmes par application</h2>
${appRows.length ? table(['Application', 'Sites', 'Services', 'Problèmes', 'Réglés en redémarrant', 'Non réglés', 'Rapports', 'Postes touchés'], cappedRows(appRows, 8)) : '<p>Aucun problème signalé.</p>'}
<h2>Détail par plage et par service</h2>
${windowRows.length ? table(['Plage', 'Site', 'Service', 'Statut', 'Vérifié par (poste — initiales, heure)', 'Problèmes', 'Prise de connaissance'], cappedRows(windowRows, 7)) : '<p>Aucune plage sur la période.</p>'}
<h2>Fichiers ignorés (${s.skipped.length})</h2>
${skippedRows.length ? table(['Fichier', 'Raison'], cappedRows(skippedRows, 2)) : '<p>Aucun.</p>'}
</body>
</html>
`;
}
