/** Whether version `a` is later than `b`, in semver's precedence (build metadata ignored). */
export function isLaterVersion(a: string, b: string): boolean {
  const parse = (version: string) => {
    const [release = '', pre] = version.split('+')[0]!.split(/-(.*)/s);
    return {
      numbers: release.split('.').map((part) => Number.parseInt(part, 10) || 0),
      pre: pre ? pre.split('.') : [],
    };
  };
  const [left, right] = [parse(a), parse(b)];
  for (let index = 0; index < 3; index++) {
    const [x, y] = [left.numbers[index] ?? 0, right.numbers[index] ?? 0];
    if (x !== y) return x > y;
  }
  // A release follows its pre-releases; pre-releases compare field by field, numbers below words.
  if (left.pre.length === 0 || right.pre.length === 0) return left.pre.length === 0 && right.pre.length > 0;
  for (let index = 0; index < Math.max(left.pre.length, right.pre.length); index++) {
    const [x, y] = [left.pre[index], right.pre[index]];
    if (x === undefined || y === undefined) return y === undefined;
    if (x === y) continue;
    const [m, n] = [/^\d+$/.test(x) ? Number(x) : undefined, /^\d+$/.test(y) ? Number(y) : undefined];
    if (m !== undefined && n !== undefined) return m > n;
    if (m !== undefined || n !== undefined) return n !== undefined;
    return x > y;
  }
  return false;
}
