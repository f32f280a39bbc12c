import { nl } from './nl';

// Dutch is the product language; English is selectable later.
export const t = nl;
