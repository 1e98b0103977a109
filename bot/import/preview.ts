import { RAGS, ragWords } from '../plan/types.js';
import { describeDiff, whichPlan, wouldNotBeLive } from './describe-diff.js';
import type { ImportPreview } from './reconcile.js';
import type { ImportedPlan } from './types.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The facts a preview card shows: totals, actions per theme and per RAG (in words), warnings, and what changes. */
export function previewFacts(plan: ImportedPlan, preview: ImportPreview) {
  const { actions, themes } = plan;
  return {
    planTitle: plan.title,
    totals: `${plural(actions.length, 'action')} in ${plural(themes.length, 'theme')}`,
    themes: themes.map((theme): [string, string] => [theme, String(actions.filter((a) => a.theme === theme).length)]),
    rags: RAGS.map((rag): [string, string] => [ragWords(rag), String(actions.filter((a) => a.rag === rag).length)]).filter(
      ([, count]) => count !== '0',
    ),
    warnings: plan.warnings,
    which: whichPlan(preview),
    changes: describeDiff(preview).slice(whichPlan(preview).length),
    conflicts: preview.diff.conflicts.length,
    // a plan that would not be live (a new title, or a draft or archived one) can be made live with the import
    offerMakeLive: wouldNotBeLive(preview) && !preview.makeLive,
  };
}
