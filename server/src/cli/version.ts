// The version printed by --version and written into SARIF logs: package.json's, put in by the
// build (esbuild.mjs `define`); a run from source says 0.0.0-dev.
declare const FENGONG_VERSION: string | undefined;

export const VERSION: string = typeof FENGONG_VERSION === 'string' ? FENGONG_VERSION : '0.0.0-dev';
