import type { Citation } from '../taxonomy/citations.ts';
import { type CategoryCrosswalkRow, crosswalkRow } from './category-crosswalk.ts';

const cite: Citation = { codebook: 'ucdpGed', section: 'type_of_violence' };

/**
 * UCDP counts organised violence by who fights whom, not by how: state-based and non-state
 * events may be clashes or remote violence (shelling, air strikes, bombs), so those two codes
 * alone leave the core category open.
 */
export const ucdpViolenceTypes: readonly CategoryCrosswalkRow<1 | 2 | 3>[] = [
  crosswalkRow(
    1,
    'State-based conflict',
    {
      candidates: ['battles', 'explosions-remote-violence'],
      note: 'A government is side A; the means (clash or remote violence) is not coded.',
    },
    cite,
  ),
  crosswalkRow(
    2,
    'Non-state conflict',
    {
      candidates: ['battles', 'explosions-remote-violence'],
      note: 'Two organised non-state groups; the means is not coded.',
    },
    cite,
  ),
  crosswalkRow(
    3,
    'One-sided violence',
    {
      category: 'violence-against-civilians',
      note: 'Deliberate violence against civilians by a government or organised group; the form (attack, abduction, sexual violence) is not coded.',
    },
    cite,
  ),
];
