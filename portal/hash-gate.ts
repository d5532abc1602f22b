// At most a few password checks at a time, and a short queue: scrypt takes ~128 MiB and a thread-pool slot
// each, so a flood of sign-ins would otherwise queue every real user behind it. Beyond the queue a sign-in is
// refused at once (the portal answers 503 with Retry-After) rather than made to wait.
export class GateFullError extends Error {
  constructor() {
    super('too many sign-ins are being checked at once');
  }
}

export class HashGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrent: number,
    private readonly queued: number,
  ) {}

  /** Run `work` when a slot is free; throws GateFullError straight away when the queue is full too. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrent) this.active++;
    else if (this.waiting.length < this.queued) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new GateFullError();
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight to the next in line
      else this.active--;
    }
  }

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
