/**
 * FNV-1a, 64 bits (draft-eastlake-fnv), of a string's UTF-8 bytes. The loop runs as WebAssembly,
 * which multiplies 64-bit integers natively and is compiled at once: the same loop in JavaScript
 * runs in the interpreter for a run's few hashes, and node:crypto takes longer to load than a
 * project takes to render. The module is assembled here from its instructions:
 *
 *   (func (export "fnv1a64") (param $length i32) (result i64) (local $hash i64) (local $i i32)
 *     (local.set $hash (i64.const 0xcbf29ce484222325))                  ;; offset basis
 *     (block (loop
 *       (br_if 1 (i32.ge_u (local.get $i) (local.get $length)))
 *       (local.set $hash (i64.mul (i64.xor (local.get $hash) (i64.load8_u (local.get $i)))
 *                                 (i64.const 0x100000001b3)))           ;; FNV prime
 *       (local.set $i (i32.add (local.get $i) (i32.const 1)))
 *       (br 0)))
 *     (local.get $hash))
 *
 * with the bytes in its exported memory from offset 0. Where WebAssembly is off (node --jitless),
 * the same loop runs in JavaScript over BigInt.
 */
const OFFSET_BASIS = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const PAGE = 65536;

/** Unsigned LEB128, and signed LEB128 of a 64-bit value (WebAssembly's integer encodings). */
const uleb = (value: number): number[] => (value < 0x80 ? [value] : [(value & 0x7f) | 0x80, ...uleb(value >>> 7)]);
function sleb64(value: bigint): number[] {
  const byte = Number(BigInt.asUintN(7, value));
  const rest = BigInt.asIntN(64, value) >> 7n;
  const last = (rest === 0n && (byte & 0x40) === 0) || (rest === -1n && (byte & 0x40) !== 0);
  return last ? [byte] : [byte | 0x80, ...sleb64(rest)];
}
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, contents: number[]) => [id, ...uleb(contents.length), ...contents];
const name = (text: string) => [...uleb(text.length), ...Array.from(text, (char) => char.charCodeAt(0))];

const [I32, I64] = [0x7f, 0x7e];
const [LENGTH, HASH, INDEX] = [0, 1, 2];
const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  get: 0x20,
  set: 0x21,
  i64Load8U: 0x31,
  i32Const: 0x41,
  i64Const: 0x42,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i64Mul: 0x7e,
  i64Xor: 0x85,
  void: 0x40,
};
const body = [
  ...vector([
    [1, I64],
    [1, I32],
  ]),
  op.i64Const,
  ...sleb64(OFFSET_BASIS),
  op.set,
  HASH,
  op.block,
  op.void,
  op.loop,
  op.void,
  op.get,
  INDEX,
  op.get,
  LENGTH,
  op.i32GeU,
  op.brIf,
  1,
  op.get,
  HASH,
  op.get,
  INDEX,
  op.i64Load8U,
  0,
  0,
  op.i64Xor,
  op.i64Const,
  ...sleb64(PRIME),
  op.i64Mul,
  op.set,
  HASH,
  op.get,
  INDEX,
  op.i32Const,
  1,
  op.i32Add,
  op.set,
  INDEX,
  op.br,
  0,
  op.end,
  op.end,
  op.get,
  HASH,
  op.end,
];
const MODULE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // "\0asm", version 1
  ...section(1, vector([[0x60, 1, I32, 1, I64]])), // type: (i32) -> i64
  ...section(3, vector([[0]])), // function 0 has type 0
  ...section(5, vector([[0x00, 1]])), // memory: one page to start
  ...section(
    7,
    vector([
      [...name('memory'), 0x02, 0],
      [...name('fnv1a64'), 0x00, 0],
    ]),
  ),
  ...section(10, vector([[...uleb(body.length), ...body]])),
]);

/** What this module uses of WebAssembly (its types come with the DOM's). */
interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  fnv1a64(length: number): bigint;
}
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Exports };
}

let instance: Exports | null | undefined;
let encoder: InstanceType<typeof TextEncoder> | undefined;

/** FNV-1a 64 of `text` as UTF-8, as 16 hex digits. */
export function fnv1a64(text: string): string {
  if (instance === undefined) {
    const wasm = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    instance = wasm ? new wasm.Instance(new wasm.Module(MODULE)).exports : null;
  }
  if (instance === null) return fnv1a64InJavaScript(text);
  encoder ??= new TextEncoder();
  const room = text.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 code unit
  const size = instance.memory.buffer.byteLength;
  if (room > size) instance.memory.grow(Math.ceil((room - size) / PAGE));
  const { written } = encoder.encodeInto(text, new Uint8Array(instance.memory.buffer));
  return hex(instance.fnv1a64(written));
}

/** The same hash without WebAssembly. */
export function fnv1a64InJavaScript(text: string): string {
  let hash = OFFSET_BASIS;
  for (const byte of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * PRIME);
  return hex(hash);
}

const hex = (hash: bigint) => BigInt.asUintN(64, hash).toString(16).padStart(16, '0');
