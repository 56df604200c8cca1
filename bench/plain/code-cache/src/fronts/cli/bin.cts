#!/usr/bin/env node
/**
 * The command's entry. It turns on Node's compile cache where Node has one (22.1 and later), so
 * that the modules it then loads start from the code cached by an earlier run, and runs the
 * command line's script (one CommonJS file, main.ts and what it imports).
 */
import nodeModule = require('node:module');
import path = require('node:path');

declare const CLI_SCRIPT: string; // defined by the build: the script's file name, with its content hash

// Not in Node 20's types: it came with Node 22.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = require(
  path.join(__dirname, 'cli', CLI_SCRIPT),
) as typeof import('../../../../../../src/fronts/cli/main.js');

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
