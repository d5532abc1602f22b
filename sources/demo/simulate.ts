// The demo council's simulated year(s): contacts, the children behind them, their journeys through social care
// and the workforce. Shared by the case-management writer (write-demo.ts), the SSD writer (ssd.ts) and the
// statutory-returns writer (returns.ts), so all describe the same children. A council larger than scale 1 is
// simulated shard by shard (shards.ts): each shard is a whole Dudley-sized council of its own, simulated, written
// and dropped before the next, so memory stays bounded whatever the scale.
import { WorkingCalendar } from '../../core/calendar/working-days.js';
import type { IsoDate } from '../../core/calendar/dates.js';
import { generateContacts, type DemoContact } from './contacts.js';
import { generateJourneys, type Journeys, type ReferralContact } from './journeys.js';
import { completeMissingEpisodes } from './missing.js';
import { ChildRegister } from './people.js';
import { rng } from './random.js';
import { shardsOf, type Shard } from './shards.js';
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
  /** Which shard of the council this is (shards.ts). */
  shard: Shard;
}

/** One shard of the council: its seed and ID tag come from `shard`, its size from shard.scale. */
export function simulateShard(
  opts: Omit<SimulationOptions, 'seed' | 'scale'>,
  shard: Shard,
  calendar = WorkingCalendar.englandAndWales(),
): Simulation {
  const { seed, scale, tag: idTag } = shard;
  const r = rng(seed);
  const journeyRandom = rng(seed ^ 0x10a7);
  const people = new ChildRegister(journeyRandom, 900_000, idTag);
  const contacts: DemoContact[] = [];
  const referrals: ReferralContact[] = [];
  for (const c of generateContacts(r, { from: opts.from, to: opts.to, asAt: opts.to, scale, calendar, idTag })) {
    people.ensure(c.childId, c.contactAt.slice(0, 10)); // the children export lists everyone with a contact
    if (c.outcome === 'REF' && c.decisionAt)
      referrals.push({
        contactId: c.contactId,
        childId: c.childId,
        decisionDate: c.decisionAt.slice(0, 10),
        sourceCode: c.sourceCode,
      });
    contacts.push(c);
  }
  // Everything that follows a referral, plus the caseload already open when the period starts.
  const journeys = generateJourneys(journeyRandom, people, referrals, {
    from: opts.from,
    to: opts.to,
    scale,
    calendar,
    idTag,
  });
  completeMissingEpisodes(rng(seed ^ 0x1155), journeys, people, { from: opts.from, to: opts.to, idTag });
  const staff = generateWorkforce(rng(seed ^ 0x57aff), journeys.periods, {
    from: opts.from,
    to: opts.to,
    scale,
    idTag,
  });
  return { contacts, people, journeys, staff, calendar, shard };
}

/** The council's shards, each simulated only when the one before has been used. */
export function* simulateShards(opts: SimulationOptions): Generator<Simulation> {
  const calendar = WorkingCalendar.englandAndWales();
  for (const shard of shardsOf(opts.seed, opts.scale)) yield simulateShard(opts, shard, calendar);
}

/** The whole council at once: only for a council of one shard (scale 1 or less), as tests use it. */
export function simulate(opts: SimulationOptions): Simulation {
  const shards = shardsOf(opts.seed, opts.scale);
  if (shards.length > 1)
    throw new Error(`simulate() holds one shard; scale ${opts.scale} has ${shards.length}: use simulateShards()`);
  return simulateShard(opts, shards[0]!);
}
