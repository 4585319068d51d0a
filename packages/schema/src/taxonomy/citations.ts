/**
 * The codebooks every taxonomy and crosswalk row cites. A row names one of these and the
 * section it follows, so a reader can check the mapping against the source text.
 */
export const codebooks = {
  acled2023: 'ACLED Codebook (Armed Conflict Location & Event Data Project, 2023)',
  acled2019: 'ACLED Codebook (2019)',
  acled2017: 'ACLED Codebook version 8 (2017)',
  ucdpGed: 'UCDP Georeferenced Event Dataset (GED) Codebook version 23.1',
  gdelt2: 'GDELT 2.0 Event Database Data Format Codebook (V2.0, 2015)',
  gdelt1: 'GDELT Data Format Codebook V1.03 (2013)',
  cameo:
    'CAMEO Conflict and Mediation Event Observations Event and Actor Codebook, version 1.1b3 (2012)',
  plover:
    'PLOVER manual, draft 0.8 (Open Event Data Alliance, 2021); POLECAT (Halterman et al. 2023) renames DEMAND to REQUEST',
} as const;

export type CodebookId = keyof typeof codebooks;

export interface Citation {
  codebook: CodebookId;
  section: string;
}

export function formatCitation(citation: Citation): string {
  return `${codebooks[citation.codebook]}, ${citation.section}`;
}
