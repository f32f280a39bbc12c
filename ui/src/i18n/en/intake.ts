import type { intake as dutch } from '../nl/intake';

export const intake: typeof dutch = {
};
