import { RAGS, ragWords } from '../plan/types.js';
import type { ImportedPlan } from './types.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A short summary of an import for people: totals, actions per theme and per RAG, then warnings. */
export function describeImport(plan: ImportedPlan): string {
  const { actions, themes } = plan;
  const lines = [`${plural(actions.length, 'action', 'actions')} in ${plural(themes.length, 'theme', 'themes')}`, 'By theme:'];
  for (const theme of themes) lines.push(`  ${theme}: ${actions.filter((a) => a.theme === theme).length}`);
  lines.push('By RAG rating:');
  for (const rag of RAGS) {
    const count = actions.filter((a) => a.rag === rag).length;
    if (count > 0) lines.push(`  ${ragWords(rag)}: ${count}`);
  }
  if (plan.warnings.length > 0)
    lines.push(`${plural(plan.warnings.length, 'warning', 'warnings')}:`, ...plan.warnings.map((w) => `  ${w}`));
  return lines.join('\n');
}
