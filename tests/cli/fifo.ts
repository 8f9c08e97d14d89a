// mkfifo for tests: the system's command (Linux, macOS); undefined where there is none.
import { execFileSync } from 'node:child_process';

function probe(): ((path: string) => void) | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    execFileSync('mkfifo', ['--help'], { stdio: 'ignore' });
  } catch (e) {
    // macOS's mkfifo has no --help but exists: it exits non-zero with usage.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  return (path) => void execFileSync('mkfifo', [path]);
}

export const mkfifoSync = probe();
