/** Types for scripts/serve-dist.js (the static server the preview and the end-to-end tests share). */
import type { Server } from 'http';

export interface StartServerOptions {
  /** Directory to serve; nothing outside it is reachable. */
  root: string;
  /** First port to try (default 3000); 0 asks the OS for any free port. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** How many ports to try upwards when one is taken (default 20). */
  maxTries?: number;
  /** File served for a directory (default index.html). */
  indexFile?: string;
  /** Where "/" redirects when root has no index file, e.g. "/preview.html". */
  home?: string;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 (no trailing slash). */
  url: string;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  server: Server;
}

export function startServer(options: StartServerOptions): Promise<RunningServer>;
export function contentTypeFor(file: string): string;
