// The demo Annex A workbook (what `csp demo --returns` writes), from a small simulation, for tests that need a
// whole, realistic workbook: every list, a cover sheet, the demo's own cell types (text, dates, numbers).
import { WorkingCalendar } from '../../core/calendar/working-days.js';
import { writeAnnexA } from '../../sources/demo/annex-a.js';
import { generateContacts } from '../../sources/demo/contacts.js';
import { generateJourneys } from '../../sources/demo/journeys.js';
import { ChildRegister } from '../../sources/demo/people.js';
import { rng } from '../../sources/demo/random.js';

export const DEMO_ANNEX_A = { from: '2020-04-01', to: '2021-03-31', asAt: new Date('2021-04-01T07:00:00Z') } as const;

export async function writeDemoAnnexA(file: string) {
  const calendar = WorkingCalendar.englandAndWales();
  const sim = { from: '2019-04-01', to: '2021-03-31', scale: 0.1, calendar };
  const journeyRandom = rng(11);
  const people = new ChildRegister(journeyRandom, 900_000);
  const contacts = [...generateContacts(rng(7), { ...sim, asAt: sim.to })];
  const referrals = contacts
    .filter((c) => c.outcome === 'REF' && c.decisionAt)
    .map((c) => ({
      contactId: c.contactId,
      childId: c.childId,
      decisionDate: c.decisionAt!.slice(0, 10),
      sourceCode: c.sourceCode,
    }));
  for (const c of contacts) people.ensure(c.childId, c.contactAt.slice(0, 10));
  const journeys = generateJourneys(journeyRandom, people, referrals, sim);
  const sheets = await writeAnnexA(
    file,
    { contacts, people, journeys },
    { asAt: DEMO_ANNEX_A.asAt, from: DEMO_ANNEX_A.from, to: DEMO_ANNEX_A.to, random: rng(5), faultRate: 0 },
  );
  return { contacts, sheets };
}
