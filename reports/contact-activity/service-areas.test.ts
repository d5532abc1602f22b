import { describe, expect, it } from 'vitest';
import { openCaseAreasText, sourceGroupsText } from './service-areas.js';

describe('the appendix words the seeds give', () => {
  it("lists each source group's codes in the seed's order, a run of three or more as a range", () => {
    // Written out from sql/seeds/contact_sources.csv (5D is the census's code Annex A has no letter for).
    expect(sourceGroupsText()).toBe(
      'Family Member (1A); Individual (1B, 1D); Self (1C); Schools (2A, 2B); Health (3A-3F); Housing (4); LA - Other Dept (5A, 5B, 5D); Other Agency (5C, 7); Police (6); Other (8, 10); Anonymous (9)',
    );
  });

  it("names the open-case table's areas and those it leaves out", () => {
    expect(openCaseAreasText()).toBe(
      'Contacts received in the week about a child who already had an open social-care case, counted by the service area of the team that received them: EDT, MASH, Assessment (the assessment teams), Case Management, CLA (children in care teams) and Disability (the disability service). Police domestic-abuse notifications are excluded. Contacts received by other teams (Leaving Care, or a team missing from the teams reference list) are not shown, so the total is the sum of the six areas.',
    );
  });
});
