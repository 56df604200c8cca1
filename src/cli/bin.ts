#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps compiled code on disk: later runs skip most of their start-up compile time.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
