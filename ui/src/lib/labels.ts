// Dutch words for the status codes that come over IPC; one table each, used by every screen.
import type {
  ActionStatus, AgendaKind, CasusStatus, ClosureReason, ConsentStatus, DataCategory, HulpvraagKind, IdentifyingKind, MeetingStatus,
  NoteKind, OrganisationKind, SignalCategory, TimelineKind,
} from '../ipc/gen_types';

export const casusStatusLabel: Record<CasusStatus, string> = {
  aangemeld: 'Aangemeld', lopend: 'Lopend', afgesloten: 'Afgesloten',
};

export const actionStatusLabel: Record<ActionStatus, string> = {
  open: 'Open', gedaan: 'Gedaan', deels: 'Deels', niet_gedaan: 'Niet gedaan', vervallen: 'Vervallen',
};

// A closed meeting is one that was held.
export const meetingStatusLabel: Record<MeetingStatus, string> = {
  gepland: 'Gepland', bezig: 'Bezig', gesloten: 'Gehouden', geannuleerd: 'Geannuleerd',
};

export const signalCategoryLabel: Record<SignalCategory, string> = {
  verzuim: 'Verzuim', ontwikkeling: 'Stagnerende ontwikkeling', gedrag: 'Gedrag',
  thuissituatie: 'Thuissituatie', gezondheid: 'Gezondheid', veiligheid: 'Veiligheid',
};

export const dataCategoryLabel: Record<DataCategory, string> = {
  school: 'School', verzuim: 'Verzuim', gezondheid: 'Gezondheid', gezin: 'Gezin', veiligheid: 'Veiligheid',
};

export const noteKindLabel: Record<NoteKind, string> = {
  voorbereiding: 'Voorbereiding', bespreking: 'Bespreking', terugkoppeling: 'Terugkoppeling',
};

export const hulpvraagKindLabel: Record<HulpvraagKind, string> = {
  leervraag: 'Leervraag', leefvraag: 'Leefvraag',
};

export const closureReasonLabel: Record<ClosureReason, string> = {
  doel_bereikt: 'Doel bereikt', hulp_loopt_elders: 'Hulp loopt elders',
  leerling_verlaat_school: 'Leerling verlaat de school', toestemming_ingetrokken: 'Toestemming ingetrokken',
  geen_rol_kernteam: 'Geen rol voor het kernteam', omgezet_naar_benoemd: 'Omgezet naar casus op naam',
};

export const timelineKindLabel: Record<TimelineKind, string> = {
  aanmelding: 'Aanmelding', signaal: 'Signaal', toestemming: 'Toestemming', notitie: 'Notitie',
  overleg: 'Overleg', actie: 'Actie', status: 'Status', export: 'Export', verzuim: 'Verzuim',
};

export const organisationKindLabel: Record<OrganisationKind, string> = {
  school: 'School', leerplicht: 'Leerplicht', jgz: 'JGZ / GGD', cjg: 'CJG / wijkteam',
  smw: 'Schoolmaatschappelijk werk', swv: 'Samenwerkingsverband', overig: 'Overig',
};

/** "volledig", "onvolledig: ontbreekt vader en de leerling", … */
export function consentLabel(status: ConsentStatus): string {
  switch (status.status) {
    case 'volledig': return 'volledig';
    case 'onvolledig': return `onvolledig: ontbreekt ${status.missing.join(' en ')}`;
    case 'verlopen': return 'verlopen';
    case 'ingetrokken': return 'ingetrokken';
    case 'geen': return 'geen toestemming';
  }
}

export const identifyingKindLabel: Record<IdentifyingKind, string> = {
  voornaam: 'lijkt op een voornaam', bekendeLeerling: 'is de naam van een bekende leerling',
  datum: 'lijkt op een (geboorte)datum', telefoonnummer: 'lijkt op een telefoonnummer',
  bsn: 'lijkt op een BSN', email: 'lijkt op een e-mailadres',
  exacteKlas: 'is een exacte klas (noem alleen het leerjaar of de groep)',
};

export const agendaKindLabel: Record<AgendaKind, string> = {
  opening: 'Opening', actiereview: 'Acties', casus: 'Lopende casus', nieuw: 'Nieuwe aanmelding',
  afsluiting: 'Afsluiten', thema: 'Thema', rondvraag: 'Rondvraag',
};
