// Dutch words of backups and restore: Instellingen, the first screen and Vandaag.
export const backups = {
  /** components/settings/Backups.svelte */
  title: 'Back-ups',
  intro:
    'Kernteam maakt elke dag dat u het gebruikt een versleutelde back-up, en ook bij het afsluiten. Kies een map buiten deze laptop: de schoolschijf, een gesynchroniseerde map (OneDrive, SharePoint, Nextcloud) of een USB-stick.',
  folder: 'Back-upmap',
  noFolder: 'Nog geen map gekozen: er worden geen back-ups gemaakt.',
  chooseFolder: 'Map kiezen…',
  otherFolder: 'Andere map kiezen…',
  folderSaved: 'De back-upmap is gekozen.',
  backupNow: 'Nu een back-up maken',
  working: 'Bezig met de back-up…',
  /** "Laatste goede back-up: di 1 dec 2026, 16:05 (3,2 MB)". */
  lastGood: (when: string, size: string) => `Laatste goede back-up: ${when} (${size})`,
  none: 'Er is nog geen back-up gemaakt.',
  made: (name: string) => `Back-up gemaakt en gecontroleerd: ${name}.`,
  pruned: (n: number) => (n === 1 ? 'Eén oudere back-up is opgeruimd.' : `${n} oudere back-ups zijn opgeruimd.`),
  kept: 'Bewaard worden 7 dagelijkse, 4 wekelijkse en 12 maandelijkse back-ups.',
  failed: 'De laatste automatische back-up is mislukt:',
  secrets:
    'Een back-up opent u met het wachtwoord of de herstelsleutel die gold toen hij werd gemaakt. Bewaar uw herstelsleutel op papier.',
  /** components/RestoreFromBackup.svelte */
  restore: {
    title: 'Herstellen uit een back-up',
    intro: 'Kies het back-upbestand (.ktbackup) en open het met het wachtwoord of de herstelsleutel van toen.',
    chooseFile: 'Back-upbestand kiezen…',
    otherFile: 'Ander bestand kiezen…',
    /** "Back-up van di 1 dec 2026, 16:05 · 3,2 MB · 241 auditgebeurtenissen". */
    file: (when: string, size: string, events: number) =>
      `Back-up van ${when} · ${size} · ${events} auditgebeurtenissen`,
    with: 'Openen met',
    passphrase: 'Wachtwoord van toen',
    recoveryKey: 'Herstelsleutel',
    secretLabel: (recovery: boolean): string => (recovery ? 'Herstelsleutel (8 groepen van 4 tekens)' : 'Wachtwoord'),
    useKeyring: 'Daarna openen met de sleutelbos van deze computer',
    replaceWarning:
      'Let op: de gegevens die nu op deze computer staan, worden vervangen door de back-up. Ze worden niet gewist maar apart gezet in een map “vorige-opslag-…” in de gegevensmap van Kernteam.',
    confirmReplace: 'Ik begrijp dat de huidige gegevens worden vervangen door deze back-up',
    submit: 'Terugzetten',
    busy: 'Bezig met terugzetten en controleren…',
    done: (when: string) => `De back-up van ${when} is teruggezet en gecontroleerd.`,
    setAside: (folder: string) => `De gegevens die er stonden, staan apart in ${folder}.`,
    back: 'Terug',
  },
  /** components/backups/FullExport.svelte */
  full: {
    title: 'Alles exporteren (volledige export)',
    intro:
      'Alles wat Kernteam bewaart in één bestand: casussen, overleggen met agenda’s en alle versies van de notulen, acties, instellingen en het auditlog. Voor een verhuizing naar een andere laptop of een archief. Het bestand wordt versleuteld met een wachtwoord dat u hier kiest; bewaar dat wachtwoord apart.',
    password: 'Wachtwoord voor het bestand',
    repeat: 'Herhaal het wachtwoord',
    mismatch: 'De twee wachtwoorden zijn niet gelijk.',
    save: 'Volledige export opslaan…',
    working: 'Bezig…',
    saved: (name: string) => `Volledige export opgeslagen als ${name}. Het exporteren staat in het auditlog.`,
    importIntro:
      'Een export inlezen: op een nieuwe laptop stelt u Kernteam eerst in met een eigen wachtwoord en leest u daarna hier de volledige export in; alles komt dan terug, ook de notulen en het auditlog. In een opslag met gegevens worden casussen, mensen en overleggen samengevoegd.',
    importPassword: 'Wachtwoord van het bestand (leeg als het niet versleuteld is)',
    importFile: 'Export kiezen en inlezen…',
    whole: (rows: number) =>
      `De volledige export is ingelezen (${rows} rijen) en gecontroleerd, met notulen, agenda’s en het auditlog.`,
    merged: (added: number, present: number) => `Ingelezen: ${added} nieuw, ${present} waren er al.`,
    refused: (n: number) => (n === 1 ? 'Eén casus is niet overgenomen.' : `${n} casussen zijn niet overgenomen.`),
  },
  /** components/backups/KeySettings.svelte */
  keys: {
    title: 'Sleutels',
    recoveryHint: 'Herstelsleutel kwijt of gezien door een ander? Maak een nieuwe; de oude werkt dan niet meer.',
    newRecovery: 'Nieuwe herstelsleutel maken',
    rotateHint:
      'Sleutels vernieuwen versleutelt alle gegevens met een nieuwe sleutel en geeft een nieuwe herstelsleutel. Doe dit als een laptop, wachtwoord of herstelsleutel in verkeerde handen kan zijn geraakt.',
    passphrase: 'Uw wachtwoord ter bevestiging',
    rotate: 'Sleutels vernieuwen',
    rotating: 'Bezig met vernieuwen…',
    shownOnce: 'Uw nieuwe herstelsleutel. Hij wordt maar één keer getoond: schrijf hem op en bewaar hem veilig.',
    olderBackups:
      'Back-ups van vóór dit moment openen alleen met het wachtwoord en de herstelsleutel van toen. Bewaar die zolang u die back-ups bewaart (tot 12 maanden).',
    kept: 'Ik heb de nieuwe herstelsleutel bewaard',
  },
  /** screens/FirstRun.svelte */
  firstRunChoice: 'Heeft u al Kernteam gebruikt op een andere laptop?',
  afterSetup:
    'Kies straks in Instellingen → Back-ups een map voor de back-ups: de schoolschijf, OneDrive of een USB-stick. Dan gaat er niets verloren als deze laptop stukgaat of wordt gestolen.',
  restoreInstead: 'Herstellen uit een back-up',
  /** screens/Vandaag.svelte */
  nagNone:
    'Er is nog geen back-up. Kies in Instellingen een map, zodat niets verloren gaat als deze laptop stukgaat of wordt gestolen.',
  nagStale: (when: string) => `De laatste goede back-up is van ${when}, meer dan een week geleden.`,
  toBackups: 'Naar back-ups',
};
