// Dutch words of the settings screens (see ../README in i18n/language.svelte.ts for the rules).
export const settings = {
};
