import type { exports as dutch } from '../nl/exports';

export const exports: typeof dutch = {
};
