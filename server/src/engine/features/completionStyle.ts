// The clause style completion writes its clause snippet in: the brackets and comma of the
// document's first clause. (planStyle() in skeleton.ts takes the majority of every clause for
// the numbered skeletons; completion runs per keystroke on the last model and reads one clause.)
import type { PlanModel } from '../model';
import { CLOSER_OF } from '../parse/clauses';
import type { CompletionContext } from './completion';

export function completionStyle(model: PlanModel | undefined): Pick<CompletionContext, 'open' | 'close' | 'comma'> {
  const first = model?.clauses[0];
  if (!first) return { open: undefined, close: undefined, comma: ',' };
  return {
    open: first.open,
    close: first.open ? CLOSER_OF[first.open] : undefined,
    comma: model.text.slice(first.contentSpan.start, first.contentSpan.end).includes('，') ? '，' : ',',
  };
}
