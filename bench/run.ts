/** `npm run bench`: every figure, each beside its reference measured in the same run. */
import { benchCreateTime } from './create-time.js';
import { benchDevLatency } from './dev-latency.js';

console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
benchCreateTime(Number(process.env.BENCH_RUNS ?? 7));
await benchDevLatency(Number(process.env.BENCH_REQUESTS ?? 2000));
