import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { closureReasonLabel, meetingStatusLabel, organisationKindLabel } from './labels';

describe('label tables', () => {
  afterEach(() => setLanguage('nl'));

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
