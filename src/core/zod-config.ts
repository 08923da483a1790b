/**
 * zod set to run without compiling parsers. zod decides whether to compile (with `new Function`, which
 * the pane's Content Security Policy refuses) when a schema object is built, so the setting must be made
 * before any module builds one: a module that builds schemas imports this first (schema.ts sets it too).
 */
import { config } from 'zod';

config({ jitless: true });
