// Dutch words of the intake screens (see ../README in i18n/language.svelte.ts for the rules).
export const intake = {
  // Shared by several intake screens.
  save: 'Opslaan',
  choose: 'Kies…',
  remove: 'verwijderen',
  registration: 'Aanmelding',
  hulpvraag: 'Hulpvraag',
  hulpvraagKind: 'Soort vraag',
  domain: 'Domein',
  inbrenger: 'Inbrenger',
  pupil: 'Leerling',
  givenName: 'Voornaam',
  familyNote: 'Gedeelde gezinsnotitie',
  /** A signal's fields (the overview's quick form and the intake's signal rows). */
  signal: {
    add: 'Signaal',
    date: 'Datum',
    category: 'Categorie',
    source: 'Bron',
    sourcePlaceholder: 'mentor, leerkracht…',
    whatSeen: 'Wat is er gezien?',
    record: 'Signaal vastleggen',
  },
  /** The overview tab of a casus (OverviewPanel). */
  overview: {
    edit: 'Bijwerken',
    kind: 'Soort',
    tried: 'Al gedaan',
    effect: 'Effect',
    strengths: 'Sterke kanten',
    concern: (category: string) => `Zorg: ${category}`,
    involved: 'Betrokken',
    parents: 'Ouders',
    noView: (reason: string) => `Geen visie: ${reason}`,
    nextReview: 'Volgende evaluatie',
    fromAnonymous: 'uit de anonieme bespreking',
    routeMap: 'Routekaart',
    startWith: (partner: string) => `eerst ${partner}`,
    siblings: 'Broers en zussen',
    linkedCasus: 'Gekoppelde casus',
    link: 'Koppelen',
    linkSibling: 'broer of zus koppelen',
  },
  /** The intake form of a new named casus (IntakeForm). */
  form: {
    title: 'Aanmelding (nieuwe casus op naam)',
    hint: 'Bespreken op naam kan pas met toestemming. Leg die na het aanmelden vast bij de casus, of kies een anonieme bespreking.',
    question: 'Wat vraagt u van het kernteam?',
    sibling: 'Broer of zus',
    siblingInKernteam: 'Broer of zus in Kernteam (gekoppelde casus)',
    noSibling: 'Geen',
  },
  /** The aanmelding beyond the pupil (IntakeFields). */
  fields: {
    inbrengerPlaceholder: "mentor, IB'er…",
    tried: 'Wat heeft de school al gedaan?',
    effect: 'Met welk effect?',
    strengths: 'Sterke kanten van de leerling',
    concerns: 'Zorgen per domein',
    concern: 'Zorg',
    professionals: 'Betrokken professionals',
    name: 'Naam',
    namePlaceholder: 'naam',
    organisation: 'Organisatie',
    organisationPlaceholder: 'organisatie',
    addProfessional: 'Professional',
    parentsView: 'Visie van de ouders',
    pupilView: 'Visie van de leerling',
    pupilViewWaived: 'Geen visie van de leerling? Schrijf waarom',
  },
  /** The form of an anonymous consultation (AnonymousForm). */
  anonymous: {
    title: 'Anonieme bespreking',
    hint: 'Alleen als uitzondering: toestemming is geweigerd en bespreken is in het belang van het kind. Sla geen naam, geboortedatum, exacte klas of contactgegevens op; het advies gaat alleen naar de inbrenger.',
    pseudonym: 'Pseudoniem',
    /** The pseudonym the form starts with. */
    defaultPseudonym: 'Leerling A',
    pseudonymHint: 'Bijvoorbeeld "Leerling A, groep 8": een letter en hooguit het leerjaar.',
    reason: 'Waarom anoniem? (verplicht)',
    warning: 'Let op: dit maakt de leerling mogelijk herkenbaar.',
    save: 'Anoniem aanmelden',
  },
  /** Parents and guardians with gezag (GezagHolders). */
  holders: {
    legend: 'Ouders en voogden',
    hint: 'Wie heeft gezag? Onder de 12 geven zij toestemming, van 12 tot 16 samen met de leerling, vanaf 16 de leerling alleen.',
    holder: (n: number) => `Ouder of voogd ${n}`,
    placeholder: 'moeder, vader, voogd…',
    hasGezag: 'heeft gezag',
    removeHolder: (n: number) => `Ouder of voogd ${n} verwijderen`,
    add: 'Ouder of voogd',
    /** The two holders a new form starts with (the user edits them). */
    mother: 'moeder',
    father: 'vader',
  },
  /** Turning an anonymous consultation into a named casus (ConvertPanel). */
  convert: {
    title: 'Omzetten naar een casus op naam',
    hint: 'Kan zodra er volledige toestemming is. De anonieme bespreking blijft gekoppeld en de omzetting komt in het auditlog.',
    givenOn: 'Toestemming gegeven op',
    givers: 'Wie gaf toestemming?',
    unnamed: '(naamloos)',
    thePupil: 'de leerling',
    shareWith: 'Delen met',
    submit: 'Omzetten',
  },
  /** The head and tabs of a casus (CasusDetail). */
  detail: {
    born: (date: string) => `geboren ${date}`,
    consent: (status: string) => `Toestemming: ${status}`,
    meldplicht: 'Meldplicht bereikt',
    thuiszitter: 'Thuiszitter',
    readOnly: 'alleen lezen',
    convertedFrom: 'Voortgekomen uit een anonieme bespreking; die geschiedenis staat hieronder mee.',
    viewAnonymous: 'Bekijk de anonieme bespreking',
    convertedTo: 'Omgezet naar een casus op naam.',
    openNamed: 'Open de casus op naam',
    sections: 'Onderdelen van de casus',
    tabs: {
      overview: 'Overzicht',
      consent: 'Toestemming',
      notes: 'Notities',
      absence: 'Verzuim',
      timeline: 'Chronologie',
      actionsAndClosure: 'Acties en afsluiten',
      handover: 'Overdracht',
    },
  },
  /** The timeline tab (TimelinePanel). */
  timeline: {
    filter: 'Filter de chronologie',
    // One line per event (lib/events.ts words a TimelineEvent with these; dates and labels
    // arrive already written in this language).
    registered: (anonymous: boolean): string => (anonymous ? 'Anonieme bespreking aangemeld' : 'Casus aangemeld'),
    signal: (source: string, description: string) => `${source}: ${description}`,
    consentGiven: (until: string) => `Toestemming vastgelegd, geldig tot en met ${until}`,
    consentWithdrawn: (reason: string | null) =>
      reason ? `Toestemming ingetrokken: ${reason}` : 'Toestemming ingetrokken',
    note: (kind: string, category: string, mine: boolean, excerpt: string | null) =>
      `${kind} (${category})${mine ? ', alleen voor u' : ''}${excerpt ? `: ${excerpt}` : ''}`,
    discussed: 'Besproken in het kernteam',
    action: (description: string, due: string | null, status: string | null) =>
      `${description}${due ? ` (uiterlijk ${due})` : ''}${status ? ` — ${status}` : ''}`,
    absence: (moment: 'intake' | 'evaluatie' | 'afsluiting') => `Verzuimsnapshot (${moment})`,
    converted: 'Omgezet naar een casus op naam',
    closed: (reason: string | null): string => (reason ? `Afgesloten: ${reason}` : 'Afgesloten'),
    exported: (recipient: string, format: string, encrypted: boolean) =>
      `Export voor ${recipient} (${format}, ${encrypted ? 'versleuteld' : 'onversleuteld'})`,
  },
  /** Reminders of Vandaag and the verzuim tab (ReminderWhat). */
  reminder: {
    homeFourWeeks: '4 weken thuis: zet de leerling op de agenda van het kernteam.',
    homeThreeMonths: '3 maanden thuis: stel het thuiszittersoverleg van het samenwerkingsverband voor.',
    retentionEnds: 'Bewaartermijn verloopt: bevestig verwijderen of leg een bewaarplicht vast.',
    consentAge: (age: number) => `Wordt ${age}: vraag opnieuw toestemming vóór het volgende overleg.`,
  },
};
