/**
 * Imported first by the pane and preview entries, before anything that parses with zod: zod 4
 * compiles object parsers with `new Function` unless told not to, and the add-in evaluates no code.
 * (The probe it would otherwise run also trips strict Content-Security-Policies.)
 */
import { z } from 'zod';

z.config({ jitless: true });
