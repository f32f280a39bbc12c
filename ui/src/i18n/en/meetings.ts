import type { meetings as dutch } from '../nl/meetings';

export const meetings: typeof dutch = {
};
