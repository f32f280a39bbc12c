import type { exports as dutch } from '../nl/exports';

// The export file's own secret is a "password" (as for any PDF or Word file), to keep it apart
// from the passphrase that opens Kernteam.
export const exports: typeof dutch = {
  choose: 'Choose…',
  finish: {
    format: 'Format',
    formats: {
      pdf: 'PDF, with password',
      docx: 'Word document (DOCX), with password',
      md: 'Markdown (text, never encrypted)',
    },
    password: 'Password',
    newPassword: 'Suggest another',
    noPassword: 'Without password',
    preview: 'Preview',
    passwordHint: 'The password can be spelled out over the phone; never send it in the same e-mail.',
    recipientGets: (recipient: string) => `What ${recipient} will receive`,
    file: (fileName: string) => `file ${fileName}`,
    notIn: (what: string) => `Not in ${what}:`,
    confirmUnencrypted: (what: string) =>
      `I am saving ${what} unencrypted and will see to sending the file securely myself. This is recorded.`,
    save: 'Save…',
    savedEncrypted: (fileName: string, password: string) =>
      `Saved as ${fileName}, encrypted. Pass the password on separately (by phone, for example): ${password}`,
    savedPlain: (fileName: string) => `Saved as ${fileName}; the export is listed in the export log.`,
  },
  panel: {
    whatMinutes: 'these minutes',
    whatSummary: 'this handover',
    titleMinutes: 'Minutes for a recipient',
    titleSummary: 'Handover for a recipient',
    hintMinutes: 'Each recipient receives only what is meant for them and falls within the consent.',
    hintSummary:
      'A summary of the case, for a new school for example: only what falls within the consent and is meant for this recipient.',
    seeBeforeSaving: 'You see exactly what is included before you save.',
    recipient: 'For',
    defaultName: {
      ouders: 'the parents',
      school: 'the mentor and the internal supervisor',
      swvLoket: 'the samenwerkingsverband desk',
    },
    chooseRecipient: (what: string) => `Choose a recipient for ${what}.`,
    footerName: 'Name in the footer',
    whichPupil: 'About which pupil',
    pupilShares: 'The pupil (aged 16 or over) agrees to sharing with the parents',
    releaseHint: 'Health and safety are included only if you release them (this is recorded):',
  },
  actionList: {
    what: 'this action list',
    title: 'Action list for an organisation',
    hint: 'The open actions of one organisation, per pupil as far as the consent covers it, with overdue ones marked.',
    team: 'Team',
    organisation: 'Organisation',
    chooseTeamAndOrganisation: 'Choose the team and the organisation the action list is for.',
  },
};
