// One colour per core category, from the Okabe–Ito palette, which stays distinguishable
// with the common colour-vision deficiencies. The legend and the filters use the same.
import { type EventCategory, eventCategories } from '@conflict-events/schema';

export const categoryColours: Record<EventCategory, string> = {
  battles: '#D55E00',
  'explosions-remote-violence': '#E69F00',
  'violence-against-civilians': '#CC79A7',
  protests: '#0072B2',
  riots: '#009E73',
  'strategic-developments': '#56B4E9',
};

/** Events without a core category. */
export const noCategoryColour = '#666666';

/** Colours by category index in the event table (the index in `eventCategories`). */
export function colourOfCategoryIndex(index: number): string {
  const slug = eventCategories[index];
  return slug === undefined ? noCategoryColour : categoryColours[slug];
}
