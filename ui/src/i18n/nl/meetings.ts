// Dutch words of the meetings screens (see ../README in i18n/language.svelte.ts for the rules).
export const meetings = {
};
