import type { ConsentStatus } from '../../ipc/gen_types';
import type { labels as dutch } from '../nl/labels';

// Dutch terms of the field that have no English equal stay (casus, leerplicht, JGZ, CJG).
export const labels: typeof dutch = {
  role: {
    voorzitter: 'Chair',
    notulist: 'Minute-taker',
    leerplicht: 'Attendance officer (leerplicht)',
    jgz: 'Youth doctor / youth nurse',
    cjg: 'CJG coach',
    smw: 'School social worker',
    swv: 'Consultant, samenwerkingsverband',
    mentor: 'Mentor / teacher',
    overig: 'Other',
  },
  organisationKind: {
    school: 'School',
    leerplicht: 'Leerplicht (attendance)',
    jgz: 'JGZ / GGD (youth health)',
    cjg: 'CJG / neighbourhood team',
    smw: 'School social work',
    swv: 'Samenwerkingsverband',
    overig: 'Other',
  },
  schoolKind: {
    PO: 'Primary education',
    VO: 'Secondary education',
    SO: 'Special primary education',
    VSO: 'Special secondary education',
    MBO: 'Vocational education (MBO)',
  },
  holidayRegion: { noord: 'North', midden: 'Central', zuid: 'South' },
  hourUnit: { klokuren: 'clock hours', lesuren: 'lesson hours' },
  casusStatus: { aangemeld: 'Registered', lopend: 'Ongoing', afgesloten: 'Closed' },
  casusMode: { named: 'Named', anonymous: 'Anonymous' },
  urgency: { normaal: 'Normal', hoog: 'High', acuut: 'Acute' },
  dataCategory: { school: 'School', verzuim: 'Absence', gezondheid: 'Health', gezin: 'Family', veiligheid: 'Safety' },
  noteKind: { voorbereiding: 'Preparation', bespreking: 'Discussion', terugkoppeling: 'Feedback' },
  actionStatus: { open: 'Open', gedaan: 'Done', deels: 'Partly done', niet_gedaan: 'Not done', vervallen: 'Dropped' },
  meetingStatus: { gepland: 'Planned', bezig: 'In progress', gesloten: 'Held', geannuleerd: 'Cancelled' },
  hulpvraagKind: { leervraag: 'Learning question', leefvraag: 'Living question' },
  signalCategory: {
    verzuim: 'Absence',
    ontwikkeling: 'Stagnating development',
    gedrag: 'Behaviour',
    thuissituatie: 'Home situation',
    gezondheid: 'Health',
    veiligheid: 'Safety',
  },
  closureReason: {
    doel_bereikt: 'Goal reached',
    hulp_loopt_elders: 'Help continues elsewhere',
    leerling_verlaat_school: 'Pupil leaves the school',
    toestemming_ingetrokken: 'Consent withdrawn',
    geen_rol_kernteam: 'No role for the kernteam',
    omgezet_naar_benoemd: 'Converted to a named casus',
  },
  consentMethod: { formulier: 'Signed form', mondeling: 'Verbal, recorded by' },
  timelineKind: {
    aanmelding: 'Registration',
    signaal: 'Signal',
    toestemming: 'Consent',
    notitie: 'Note',
    overleg: 'Meeting',
    actie: 'Action',
    status: 'Status',
    export: 'Export',
    verzuim: 'Absence',
  },
  recipientKind: {
    ouders: 'Parents and pupil',
    school: 'School (mentor, IB)',
    partner: 'Partner organisation',
    swv_loket: 'Samenwerkingsverband desk',
  },
  searchHitKind: { casus: 'Case', note: 'Note', decision: 'Decision', action: 'Action' },
  agendaKind: {
    opening: 'Opening',
    actiereview: 'Actions',
    casus: 'Ongoing casus',
    nieuw: 'New registration',
    afsluiting: 'Closing',
    thema: 'Theme',
    rondvraag: 'Any other business',
  },
  identifyingKind: {
    voornaam: 'looks like a first name',
    bekendeLeerling: 'is the name of a known pupil',
    datum: 'looks like a (birth) date',
    telefoonnummer: 'looks like a phone number',
    bsn: 'looks like a BSN (citizen service number)',
    email: 'looks like an e-mail address',
    exacteKlas: 'is an exact class (name only the year or group)',
  },
  noOwner: 'No owner',
  noPersonNamed: (organisation: string): string => `${organisation} (no person named)`,
  consent: (status: ConsentStatus): string => {
    switch (status.status) {
      case 'volledig':
        return 'complete';
      case 'onvolledig':
        // A holder is named by the label entered for her; the pupil in English words.
        return `incomplete: missing ${status.missingGivers
          .map((giver, i) => (giver.kind === 'pupil' ? 'the pupil' : status.missing[i]))
          .join(' and ')}`;
      case 'verlopen':
        return 'expired';
      case 'ingetrokken':
        return 'withdrawn';
      case 'geen':
        return 'no consent';
    }
  },
};
