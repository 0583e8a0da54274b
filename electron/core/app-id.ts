/**
 * The application identity, in one place: electron-builder's `appId` (electron-builder.yml), the Windows
 * AppUserModelID set by the shell and node-notifier's `appID` must be the same string, otherwise Windows shows
 * toasts under the wrong name or drops them (issue 5, "appId shared with the notifier").
 * test/unit/packaging/build-config.test.ts checks electron-builder.yml against this constant.
 */
export const APP_ID = 'ca.quebec.sante.vigie';
export const PRODUCT_NAME = 'Vigie';
