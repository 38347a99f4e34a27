#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader, so a checkout needs no compile step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
