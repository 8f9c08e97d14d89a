// Tables pasted as text: a row's cells split at tabs, `|` or runs of two or more spaces.
import type { Span } from '../text';

export interface Cells {
  /** Each cell's span, blanks trimmed; empty cells keep their place with an empty span. */
  spans: Span[];
  sep: 'tab' | 'pipe' | 'spaces';
}
