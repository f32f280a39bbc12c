// Dutch words of the exports screens (see ../README in i18n/language.svelte.ts for the rules).
export const exports = {
  choose: 'Kies…',
  /** components/exports/ExportFinish.svelte; `what` is the document ("dit verslag", …). */
  finish: {
    format: 'Formaat',
    formats: {
      pdf: 'PDF, met wachtwoord',
      docx: 'Word-document (DOCX), met wachtwoord',
      md: 'Markdown (tekst, nooit versleuteld)',
    },
    password: 'Wachtwoord',
    newPassword: 'Nieuw voorstel',
    noPassword: 'Zonder wachtwoord',
    preview: 'Voorbeeld',
    passwordHint: 'Het wachtwoord is te spellen over de telefoon; stuur het nooit mee in dezelfde e-mail.',
    recipientGets: (recipient: string) => `Dit krijgt ${recipient}`,
    file: (fileName: string) => `bestand ${fileName}`,
    notIn: (what: string) => `Niet in ${what}:`,
    confirmUnencrypted: (what: string) =>
      `Ik bewaar ${what} onversleuteld en zorg zelf voor veilig versturen. Dit wordt vastgelegd.`,
    save: 'Opslaan…',
    savedEncrypted: (fileName: string, password: string) =>
      `Bewaard als ${fileName}, versleuteld. Geef het wachtwoord apart door (bijvoorbeeld telefonisch): ${password}`,
    savedPlain: (fileName: string) => `Bewaard als ${fileName}; de export staat in het exportlogboek.`,
  },
  /** components/exports/ExportPanel.svelte: minutes or a casus summary (overdracht). */
  panel: {
    whatMinutes: 'dit verslag',
    whatSummary: 'deze overdracht',
    titleMinutes: 'Verslag voor een ontvanger',
    titleSummary: 'Overdracht voor een ontvanger',
    hintMinutes: 'Elke ontvanger krijgt alleen wat voor hem bedoeld is en binnen de toestemming valt.',
    hintSummary:
      'Een samenvatting van de casus, bijvoorbeeld voor een nieuwe school: alleen wat binnen de toestemming valt en voor deze ontvanger bedoeld is.',
    seeBeforeSaving: 'U ziet precies wat er meegaat voordat u bewaart.',
    recipient: 'Voor',
    /** The name the footer carries by default, per kind of recipient (never the pupil's). */
    defaultName: {
      ouders: 'de ouders',
      school: 'mentor en intern begeleider',
      swvLoket: 'het loket van het samenwerkingsverband',
    },
    chooseRecipient: (what: string) => `Kies voor wie ${what} is.`,
    footerName: 'Naam in de voettekst',
    whichPupil: 'Over welke leerling',
    pupilShares: 'De leerling (16 jaar of ouder) stemt in met delen met de ouders',
    releaseHint: 'Gezondheid en veiligheid gaan alleen mee als u ze vrijgeeft (wordt vastgelegd):',
  },
  /** components/exports/ActionListExport.svelte */
  actionList: {
    what: 'deze actielijst',
    title: 'Actielijst voor een organisatie',
    hint: 'De open acties van één organisatie, per leerling voor zover de toestemming dat dekt, te laat gemarkeerd.',
    team: 'Team',
    organisation: 'Organisatie',
    chooseTeamAndOrganisation: 'Kies het team en de organisatie waarvoor de actielijst is.',
  },
};
