import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { closureReasonLabel, consentLabel, meetingStatusLabel, organisationKindLabel } from './labels';

describe('label tables', () => {
  afterEach(() => setLanguage('nl'));

  it('name a missing parent by her label and the pupil in the current language', () => {
    const status = {
      status: 'onvolledig' as const,
      missing: ['vader', 'de leerling'],
      missingGivers: [{ kind: 'holder' as const, holderId: 'h1' }, { kind: 'pupil' as const }],
    };
    expect(consentLabel(status)).toBe('onvolledig: ontbreekt vader en de leerling');
    setLanguage('en');
    expect(consentLabel(status)).toBe('incomplete: missing vader and the pupil');
  });

  it('list their codes for the pickers, in order', () => {
    expect(Object.keys(organisationKindLabel)).toEqual(['school', 'leerplicht', 'jgz', 'cjg', 'smw', 'swv', 'overig']);
    expect(Object.entries(closureReasonLabel)[0]).toEqual(['doel_bereikt', 'Doel bereikt']);
    expect('jgz' in organisationKindLabel).toBe(true);
  });

  it('answer in the current language, with the Dutch words from the domain', () => {
    expect(meetingStatusLabel.gesloten).toBe('Gehouden');
    setLanguage('en');
    expect(meetingStatusLabel.gesloten).toBe('Held');
    expect(Object.values(organisationKindLabel)).toContain('School social work');
  });
});
