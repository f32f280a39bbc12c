// Dutch words of the dossier screens (see ../README in i18n/language.svelte.ts for the rules).
export const dossier = {
};
