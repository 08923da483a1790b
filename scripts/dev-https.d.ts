/** Types for scripts/dev-https.js (https or nothing for the dev server that serves Excel). */

export interface Certificates {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

export const INSTALL_HINT: string;

export function devServerServer(loaded: {
  certificates?: Certificates;
  failure?: unknown;
}): { type: 'https'; options: Certificates } | Error;

export function loadDevCertificates(devCerts?: {
  getHttpsServerOptions(): Promise<Certificates>;
}): Promise<{ certificates?: Certificates; failure?: unknown }>;
