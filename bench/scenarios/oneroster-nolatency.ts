import { oneRosterScenario } from './oneroster';

/** Issue item 7(c): the same comparison without added latency (the simulator is then the bottleneck). */
export const scenario = oneRosterScenario('oneroster-nolatency', 0);
