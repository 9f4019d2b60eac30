/** Where the browser reaches the Desktop connection's routes. */
export const QWC_DOWNLOAD_PATH = "/api/integrations/quickbooks-desktop/qwc";
export const DESKTOP_CONNECT_PATH = "/api/integrations/quickbooks-desktop/connect";
export const DESKTOP_PASSWORD_PATH = "/api/integrations/quickbooks-desktop/password";
