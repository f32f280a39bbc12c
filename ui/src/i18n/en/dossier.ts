import type { dossier as dutch } from '../nl/dossier';

export const dossier: typeof dutch = {
};
