// What a subcommand writes to and where it runs: given, so that it holds no globals of its own.
import type { Say } from './say';

export interface Io {
  write(s: string | Uint8Array): void;
  /** One line on stderr. */
  warn(s: string): void;
  /** The --locale's words. */
  say: Say;
  cwd: string;
  /** Standard output is a terminal (JSON indented, no binary output). */
  tty: boolean;
}
