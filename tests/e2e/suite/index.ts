// Entry point of the end-to-end suite, in the shape VS Code's test runners load
// (extensionTestsPath → `run()`): scripts/e2e/run.mjs (code-server + Chromium) and
// @vscode/test-electron alike. Built to dist/e2e/suite/index.js by run.mjs.
//
// FENGONG_E2E_PLAN=1 adds the language tests of plan.e2e.ts and edit.e2e.ts (they need the
// real extension).
import * as vscode from 'vscode';
import { expectedExtensionPath } from './context';
import { registerDraftingTests } from './drafting.e2e';
import { registerEditTests } from './edit.e2e';
import { Suite } from './harness';
import { registerPlanTests } from './plan.e2e';
import { registerProjectTests } from './project.e2e';
import { registerSmokeTests } from './smoke.e2e';
import { registerViewTests } from './views.e2e';
import { registerRestartTests } from './restart.e2e';

export async function run(): Promise<void> {
  const suite = new Suite();
  registerSmokeTests(suite);
  const plan = process.env.FENGONG_E2E_PLAN === '1';
  if (plan) {
    registerPlanTests(suite);
    registerViewTests(suite);
    registerRestartTests(suite);
    registerProjectTests(suite);
    registerDraftingTests(suite);
    // Last: its rename changes every plan in the workspace.
    registerEditTests(suite);
  }
  console.log(
    `fengong e2e: VS Code ${vscode.version}, extension under test ${expectedExtensionPath()}, ` +
      `${suite.size} tests${plan ? '' : ' (plan tests not included: set FENGONG_E2E_PLAN=1)'}`,
  );
  const { failed, failures } = await suite.run();
  if (failed > 0) throw new Error(`${failed} e2e test(s) failed: ${failures.join('; ')}`);
}
