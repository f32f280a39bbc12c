// Dutch words of the intake screens (see ../README in i18n/language.svelte.ts for the rules).
export const intake = {
};
