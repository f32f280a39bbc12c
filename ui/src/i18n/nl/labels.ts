// The words for the codes that come over IPC. The domain's vocabularies come from Rust (one
// table, gen_labels_nl.ts); the rest are the screens' own.
import type { AgendaKind, ConsentStatus, IdentifyingKind } from '../../ipc/gen_types';
import { labelsNl } from '../gen_labels_nl';

export const labels = {
  ...labelsNl,
  /** The short chip of an agenda item's kind (its title says more). */
  agendaKind: {
    opening: 'Opening',
    actiereview: 'Acties',
    casus: 'Lopende casus',
    nieuw: 'Nieuwe aanmelding',
    afsluiting: 'Afsluiten',
    thema: 'Thema',
    rondvraag: 'Rondvraag',
  } satisfies Record<AgendaKind, string> as Record<AgendaKind, string>,
  /** Why a piece of text in an anonymous casus looks identifying. */
  identifyingKind: {
    voornaam: 'lijkt op een voornaam',
    bekendeLeerling: 'is de naam van een bekende leerling',
    datum: 'lijkt op een (geboorte)datum',
    telefoonnummer: 'lijkt op een telefoonnummer',
    bsn: 'lijkt op een BSN',
    email: 'lijkt op een e-mailadres',
    exacteKlas: 'is een exacte klas (noem alleen het leerjaar of de groep)',
  } satisfies Record<IdentifyingKind, string> as Record<IdentifyingKind, string>,
  /** An action's group on Acties when nobody owns it, or only an organisation does. */
  noOwner: 'Zonder eigenaar',
  noPersonNamed: (organisation: string): string => `${organisation} (geen persoon genoemd)`,
  /** "volledig", "onvolledig: ontbreekt vader en de leerling", … */
  consent: (status: ConsentStatus): string => {
    switch (status.status) {
      case 'volledig':
        return 'volledig';
      case 'onvolledig':
        return `onvolledig: ontbreekt ${status.missing.join(' en ')}`;
      case 'verlopen':
        return 'verlopen';
      case 'ingetrokken':
        return 'ingetrokken';
      case 'geen':
        return 'geen toestemming';
    }
  },
};
