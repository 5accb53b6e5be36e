/**
 * The command line's V8 setting. Writing a consolidation builds each member sheet's objects,
 * renders them and lets them go within milliseconds; V8's allocation-site pretenuring, having
 * seen the same code build long-lived sheets, places them straight in the old generation, which
 * then grows by hundreds of MB of garbage before a full collection (500 members: 350-400 MB
 * peak, 250 MB without it, no slower). The flag is read at each tenuring decision, so it takes
 * effect when set at start.
 */
import { setFlagsFromString } from 'v8';

export function tuneHeapForBatches(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
