/** The frame shared by every window: a header with the navigation, the page of the route, an error boundary. */
import { useEffect } from 'react';
import { BannerPage } from './banner/BannerPage';
import { ChecklistPage } from './checklist/ChecklistPage';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Feedback';
import { useLanguageSync } from './hooks/useLanguageSync';
import { routeHref, useRoute, type Route } from './hooks/useRoute';
import { LanguageProvider, useT } from './i18n';
import { SettingsPage } from './settings/SettingsPage';
import { StatusPage } from './status/StatusPage';

export function App() {
  return (
    <LanguageProvider>
      <Frame />
    </LanguageProvider>
  );
}

/** The banner is not a page one navigates to: it opens on its own when the core says so. */
const NAV: Exclude<Route, { name: 'banner' }>[] = [
  { name: 'checklist', runId: null },
  { name: 'status' },
  { name: 'settings' },
];

function Frame() {
  const { t } = useT();
  const route = useRoute();
  const ready = useLanguageSync();

  useEffect(() => {
    document.title = `${t(`title.${route.name}`)} — ${t('app.name')}`;
  }, [route.name, t]);

  // The banner is a small window of its own (docs/architecture.md, "The banner window"): no header, no navigation.
  if (route.name === 'banner') {
    return (
      <main className="banner-page" data-route="banner">
        <ErrorBoundary message={t('error.crash')}>{!ready ? <Loading /> : <BannerPage />}</ErrorBoundary>
      </main>
    );
  }

  return (
    <>
      <header className="app-header">
        <p className="brand">{t('app.name')}</p>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {NAV.map((item) => (
              <li key={item.name}>
                <a
                  href={routeHref(item)}
                  aria-current={item.name === route.name ? 'page' : undefined}
                  data-testid={`nav-${item.name}`}
                >
                  {t(`nav.${item.name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="page" data-route={route.name}>
        {/* Keyed by route: a crash on one page does not stick when the person goes to another. */}
        <ErrorBoundary key={route.name} message={t('error.crash')}>
          {!ready ? <Loading /> : <Page route={route} />}
        </ErrorBoundary>
      </main>
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'checklist':
      return <ChecklistPage key={route.runId ?? ''} runId={route.runId} />;
    case 'status':
      return <StatusPage />;
    case 'settings':
      return <SettingsPage />;
    case 'banner':
      return <BannerPage />;
  }
}
