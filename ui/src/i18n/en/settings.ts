import type { settings as dutch } from '../nl/settings';

export const settings: typeof dutch = {
};
