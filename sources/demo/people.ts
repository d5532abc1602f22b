// Synthetic children: characteristics drawn at rates like a West Midlands borough's. No real person behind any row.
import { addDays, type IsoDate } from '../../core/calendar/dates.js';
import { int, pick, type Random } from './random.js';

export interface DemoChild {
  id: string;
  dob: IsoDate;
  sex: '1' | '2';
  ethnicity: string;
  disability: boolean;
  uasc: boolean;
}

const ETHNICITY: ReadonlyArray<readonly [string, number]> = [
  ['WBRI', 72],
  ['WOTH', 3],
  ['WIRI', 0.5],
  ['WROM', 0.5],
  ['MWBC', 5],
  ['MWBA', 1],
  ['MWAS', 1.5],
  ['MOTH', 2],
  ['AIND', 2],
  ['APKN', 5],
  ['ABAN', 1],
  ['AOTH', 1],
  ['BCRB', 1.5],
  ['BAFR', 1.5],
  ['BOTH', 0.5],
  ['CHNE', 0.3],
  ['OOTH', 1],
  ['REFU', 0.2],
  ['NOBT', 0.5],
];

export class ChildRegister {
  readonly children = new Map<string, DemoChild>();
  private next: number;
  /** idTag: the shard's ID tag (shards.ts), '' for an unsharded council. */
  constructor(
    private readonly r: Random,
    firstId: number,
    private readonly idTag = '',
  ) {
    this.next = firstId;
  }

  /** A child aged between minAge and maxAge (years) on the given date. */
  create(on: IsoDate, minAge: number, maxAge: number, id?: string): DemoChild {
    const r = this.r;
    const ageDays = int(r, Math.round(minAge * 365.25), Math.round(maxAge * 365.25) - 1);
    const uasc = minAge >= 14 && r() < 0.05;
    const child: DemoChild = {
      id: id ?? `C${this.idTag}${this.next++}`,
      dob: addDays(on, -ageDays),
      sex: uasc || r() < 0.52 ? '1' : '2',
      ethnicity: uasc
        ? pick(r, [
            ['AOTH', 3],
            ['BAFR', 3],
            ['OOTH', 4],
          ] as const)
        : pick(r, ETHNICITY),
      disability: r() < 0.08,
      uasc,
    };
    this.children.set(child.id, child);
    return child;
  }

  /** The child with this ID, created (aged 0-17 on the date) the first time it is seen. */
  ensure(id: string, on: IsoDate): DemoChild {
    return this.children.get(id) ?? this.create(on, 0, 17.9, id);
  }
}

/** Date of a birthday: the day a child turns `years`. */
export const birthday = (dob: IsoDate, years: number): IsoDate => {
  const [y, m, d] = dob.split('-');
  const target = `${Number(y) + years}-${m}-${d}`;
  return m === '02' && d === '29' ? `${Number(y) + years}-03-01` : target;
};

export const ageOn = (dob: IsoDate, on: IsoDate): number => {
  let age = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (on.slice(5) < dob.slice(5)) age--;
  return age;
};
