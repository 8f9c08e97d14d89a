// Property tests explore new random inputs on every local run; CI runs a fixed seed so a red
// run can be reproduced (FC_SEED=… picks one by hand).
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261127' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
