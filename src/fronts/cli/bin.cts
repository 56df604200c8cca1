#!/usr/bin/env node
/**
 * The command's entry. It runs the command line's script (one CommonJS file, main.ts and what it
 * imports) with a V8 code cache kept beside it: a run then starts from the bytecode of every
 * function the first run compiled, instead of parsing and compiling them again. Same idea as
 * Node's compile cache (Node 22 and later), which only keeps what was compiled before the script
 * ran; this one is made after a run, and works on Node 20 too.
 *
 * The cache is a file beside the script, named after the script (its content hash, given by the
 * build, its size and modification time, so that an edit in place counts) and the V8 version: a
 * new release or another Node never reads a cache made for something else. V8 itself checks only
 * a cache's header (V8 version, flags, source length), and refuses one whose header does not
 * match; such a cache is then made again. Nothing is cached where the package folder is not
 * writable, or with NODE_DISABLE_COMPILE_CACHE set (Node's own switch for its compile cache).
 */
import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import vm = require('node:vm');

declare const CLI_SCRIPT: string; // defined by the build: the script's file name, with its content hash

const script = path.join(__dirname, 'cli', CLI_SCRIPT);
const caching = !process.env.NODE_DISABLE_COMPILE_CACHE;
const { size, mtimeMs } = fs.statSync(script);
const cacheFile = `${script}.${size}-${Math.trunc(mtimeMs)}.${process.arch}-v8-${process.versions.v8}.cache`;

let cachedData: Buffer | undefined;
if (caching) {
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
}
// `update` reads src/api.ts and catalog-info.yaml with a TypeScript and a YAML parser, scripts of
// their own that the command line's script requires: Node's own compile cache (Node 22 and later)
// keeps them compiled between runs, in a folder beside the script like the cache above. Never
// Node's default, the temporary folder, which other local users may write to: compiled code
// planted there would run as this user.
if (caching && process.argv[2] === 'update') {
  const compileCache = nodeModule as { enableCompileCache?: (directory: string) => unknown };
  compileCache.enableCompileCache?.(path.join(__dirname, 'cli', 'compile-cache'));
}
// The script is a function expression, the wrapper of a CommonJS module with the code inside.
const compiled = new vm.Script(fs.readFileSync(script, 'utf8'), { filename: script, cachedData });
const cli = { exports: {} as typeof import('./main.js') };
compiled.runInThisContext()(cli.exports, nodeModule.createRequire(script), cli, script, path.dirname(script));

void cli.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (caching && (cachedData === undefined || compiled.cachedDataRejected)) saveCache();
});

/**
 * Writes the cache as this run leaves it, all at once (a concurrent run reads the old file or the
 * new one). The file is opened first: where it cannot be, the cache is not made at all.
 */
function saveCache(): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(temporary, 'wx');
    try {
      fs.writeFileSync(fd, compiled.createCachedData());
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, cacheFile);
  } catch {
    // A read-only package folder, or a full disk: the next run goes without a cache, as this one did.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
  }
}
