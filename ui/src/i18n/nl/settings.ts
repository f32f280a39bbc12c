// Dutch words of the settings screens (see ../README in i18n/language.svelte.ts for the rules).
export const settings = {
  /** The school holiday region (the codes noord, midden, zuid), on Instellingen and below. */
  holidayRegion: 'Vakantieregio',
  holidayRegions: { noord: 'Noord', midden: 'Midden', zuid: 'Zuid' },
  /** components/settings/RegionalSettings.svelte */
  regional: {
    title: 'School en regio',
    saved: 'Opgeslagen.',
    retention: 'Bewaartermijn (jaar na afsluiten of vertrek)',
    save: 'Opslaan',
    thuiszitters: 'Thuiszitters',
    countsSick: 'Telt een ziekgemelde leerling mee?',
    definition: {
      zonderZiekte: 'Nee: alleen verzuim zonder geldige reden (landelijke definitie)',
      inclusiefZiekte: 'Ja: ook ziekgemelde leerlingen die thuis zitten',
    },
    /** "Routekaart" or "Routekaart (Utrecht-West)". */
    routeMap: (region: string) => (region ? `Routekaart (${region})` : 'Routekaart'),
    routeMapHint: 'Bij een nieuw signaal stelt Kernteam deze eerste partner en dit advies voor.',
    signal: 'Signaal',
    firstTo: 'Eerst naar',
    advice: 'Advies',
    firstPartner: 'Eerste partner',
    saveRouteMap: 'Routekaart opslaan',
    holidays: 'Schoolvakanties',
    region: 'Regio',
    holiday: 'Vakantie',
    firstDay: 'Eerste dag',
    lastDay: 'Laatste dag',
    holidayName: 'Naam',
    /** The name a newly added holiday starts with. */
    newHolidayName: 'Vakantie',
    saveHolidays: 'Vakanties opslaan',
  },
  /** components/settings/ExportLog.svelte */
  exportLog: {
    title: 'Exportlogboek',
    hint: 'Elke export staat hier, met de SHA-256 van het bestand: zo is na te gaan welk bestand waar naartoe ging.',
    empty: 'Nog niets geëxporteerd.',
    when: 'Wanneer',
    by: 'Door',
    recipient: 'Voor',
    format: 'Formaat',
    encrypted: 'Versleuteld',
    yes: 'ja',
    noConfirmed: 'nee (bevestigd)',
  },
  language: {
    title: 'Taal',
    label: 'Taal van Kernteam',
    hint: 'Geldt op deze computer, ook voor het ontgrendelscherm. Documenten voor partners blijven Nederlands.',
    names: { nl: 'Nederlands', en: 'English' },
  },
};
