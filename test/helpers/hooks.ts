/**
 * A React hook run outside a browser: its state kept from one render to the next, as React
 * keeps it, so a controller's actions and the state they leave can be checked in Node.
 * Only the hooks the pane's controller uses; a test swaps them in with
 * `jest.mock('react', () => ({ ...jest.requireActual('react'), ...jest.requireActual('../helpers/hooks').hooks }))`.
 */
let rendering: HookHost<unknown> | null = null;

export class HookHost<T> {
  private slots: unknown[] = [];
  private cursor = 0;
  value!: T;

  constructor(private readonly hook: () => T) {
    this.render();
  }

  /** Renders again: what the component would see after the state it set. */
  render(): T {
    rendering = this as HookHost<unknown>;
    this.cursor = 0;
    try {
      this.value = this.hook();
    } finally {
      rendering = null;
    }
    return this.value;
  }

  /** The next hook slot of the render in progress. */
  static next(): { host: HookHost<unknown>; index: number } {
    if (!rendering) throw new Error('a hook called outside a render');
    return { host: rendering, index: rendering.cursor++ };
  }

  get(index: number): unknown {
    return this.slots[index];
  }

  has(index: number): boolean {
    return index in this.slots;
  }

  set(index: number, value: unknown): void {
    this.slots[index] = value;
  }
}

export const hooks = {
  useState<S>(initial: S | (() => S)): [S, (next: S | ((prev: S) => S)) => void] {
    const { host, index } = HookHost.next();
    if (!host.has(index)) host.set(index, typeof initial === 'function' ? (initial as () => S)() : initial);
    const set = (next: S | ((prev: S) => S)) => host.set(index, typeof next === 'function' ? (next as (prev: S) => S)(host.get(index) as S) : next);
    return [host.get(index) as S, set];
  },
  useCallback<F>(f: F): F {
    HookHost.next();
    return f;
  },
};
