export { t, language, setLanguage, locale, type Language, type Messages } from './language.svelte';
