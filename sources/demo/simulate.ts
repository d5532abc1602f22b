// The demo council's simulated year(s): contacts, the children behind them, their journeys through social care
// and the workforce. Shared by the case-management writer (write-demo.ts) and the statutory-returns writer
// (returns.ts), so both describe the same children.
import { WorkingCalendar } from '../../core/calendar/working-days.js';
import type { IsoDate } from '../../core/calendar/dates.js';
import { generateContacts, type DemoContact } from './contacts.js';
import { generateJourneys, type Journeys, type ReferralContact } from './journeys.js';
import { completeMissingEpisodes } from './missing.js';
import { ChildRegister } from './people.js';
import { rng } from './random.js';
import { generateWorkforce, type Workforce } from './workforce.js';

export interface SimulationOptions {
  seed: number;
  scale: number;
  from: IsoDate;
  to: IsoDate;
}

export interface Simulation {
  contacts: DemoContact[];
  people: ChildRegister;
  journeys: Journeys;
  staff: Workforce;
  calendar: WorkingCalendar;
}

export function simulate(opts: SimulationOptions): Simulation {
  const calendar = WorkingCalendar.englandAndWales();
  const r = rng(opts.seed);
  const journeyRandom = rng(opts.seed ^ 0x10a7);
  const people = new ChildRegister(journeyRandom, 900_000);
  const contacts: DemoContact[] = [];
  const referrals: ReferralContact[] = [];
  for (const c of generateContacts(r, { from: opts.from, to: opts.to, asAt: opts.to, scale: opts.scale, calendar })) {
    people.ensure(c.childId, c.contactAt.slice(0, 10)); // the children export lists everyone with a contact
    if (c.outcome === 'REF' && c.decisionAt) referrals.push({ contactId: c.contactId, childId: c.childId, decisionDate: c.decisionAt.slice(0, 10), sourceCode: c.sourceCode });
    contacts.push(c);
  }
  // Everything that follows a referral, plus the caseload already open when the period starts.
  const journeys = generateJourneys(journeyRandom, people, referrals, { from: opts.from, to: opts.to, scale: opts.scale, calendar });
  completeMissingEpisodes(rng(opts.seed ^ 0x1155), journeys, people, { from: opts.from, to: opts.to });
  const staff = generateWorkforce(rng(opts.seed ^ 0x57aff), journeys.periods, { from: opts.from, to: opts.to, scale: opts.scale });
  return { contacts, people, journeys, staff, calendar };
}
