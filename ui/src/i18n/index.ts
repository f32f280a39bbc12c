export { type Language, language, locale, type Messages, setLanguage, t } from './language.svelte';
