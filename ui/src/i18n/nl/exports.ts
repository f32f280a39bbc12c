// Dutch words of the exports screens (see ../README in i18n/language.svelte.ts for the rules).
export const exports = {
};
