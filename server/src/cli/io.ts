// What a subcommand writes to and where it runs: given, so that it holds no globals of its own.
import type { Say } from './say';

export interface Io {
  write(s: string | Uint8Array): void;
  /** One line on stderr. */
  warn(s: string): void;
  /** The --locale's words. */
  say: Say;
  cwd: string;
  /** What SARIF and GitHub paths are relative to: the repository's checkout in GitHub Actions (GITHUB_WORKSPACE), else the working folder. */
  root: string;
  /** Standard output is a terminal (JSON indented, no binary output). */
  tty: boolean;
}
