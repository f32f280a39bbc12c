// English words of backups and restore: Settings, the first screen and Today.
import type { backups as nl } from '../nl/backups';

export const backups: typeof nl = {
  title: 'Backups',
  intro:
    'Kernteam makes an encrypted backup every day you use it, and when you close it. Choose a folder off this laptop: the school drive, a synced folder (OneDrive, SharePoint, Nextcloud) or a USB stick.',
  folder: 'Backup folder',
  noFolder: 'No folder chosen yet: no backups are made.',
  chooseFolder: 'Choose folder…',
  otherFolder: 'Choose another folder…',
  folderSaved: 'The backup folder is set.',
  backupNow: 'Back up now',
  working: 'Backing up…',
  lastGood: (when: string, size: string) => `Last good backup: ${when} (${size})`,
  none: 'No backup has been made yet.',
  made: (name: string) => `Backup made and verified: ${name}.`,
  pruned: (n: number) => (n === 1 ? 'One older backup was removed.' : `${n} older backups were removed.`),
  kept: 'Kept: 7 daily, 4 weekly and 12 monthly backups.',
  failed: 'The last automatic backup failed:',
  secrets:
    'A backup opens with the passphrase or recovery key that was valid when it was made. Keep your recovery key on paper.',
  restore: {
    title: 'Restore from a backup',
    intro: 'Choose the backup file (.ktbackup) and open it with the passphrase or recovery key of that time.',
    chooseFile: 'Choose backup file…',
    otherFile: 'Choose another file…',
    file: (when: string, size: string, events: number) => `Backup of ${when} · ${size} · ${events} audit events`,
    with: 'Open with',
    passphrase: 'Passphrase of that time',
    recoveryKey: 'Recovery key',
    secretLabel: (recovery: boolean) => (recovery ? 'Recovery key (8 groups of 4 characters)' : 'Passphrase'),
    useKeyring: "Afterwards, open with this computer's keyring",
    replaceWarning:
      'Note: the data now on this computer are replaced by the backup. They are not deleted but set aside in a folder “vorige-opslag-…” in Kernteam’s data folder.',
    confirmReplace: 'I understand the current data will be replaced by this backup',
    submit: 'Restore',
    busy: 'Restoring and verifying…',
    done: (when: string) => `The backup of ${when} was restored and verified.`,
    setAside: (folder: string) => `The data that were here are set aside in ${folder}.`,
    back: 'Back',
  },
  /** components/backups/FullExport.svelte */
  full: {
    title: 'Export everything (full export)',
    intro:
      'Everything Kernteam keeps in one file: cases, meetings with agendas and every version of the minutes, actions, settings and the audit log. For a move to another laptop or an archive. The file is encrypted with a password you choose here; keep that password apart.',
    password: 'Password for the file',
    repeat: 'Repeat the password',
    mismatch: 'The two passwords differ.',
    save: 'Save full export…',
    working: 'Working…',
    saved: (name: string) => `Full export saved as ${name}. The export is in the audit log.`,
    importIntro:
      'Reading an export: on a new laptop, first set Kernteam up with a passphrase of its own, then read the full export here; everything comes back, minutes and audit log included. Into a store with data, cases, people and meetings are merged.',
    importPassword: 'Password of the file (empty if it is not encrypted)',
    importFile: 'Choose and read export…',
    whole: (rows: number) =>
      `The full export was read (${rows} rows) and checked, with minutes, agendas and the audit log.`,
    merged: (added: number, present: number) => `Read: ${added} new, ${present} already there.`,
    refused: (n: number) => (n === 1 ? 'One case was not taken over.' : `${n} cases were not taken over.`),
  },
  keys: {
    title: 'Keys',
    recoveryHint: 'Recovery key lost or seen by someone else? Make a new one; the old one then stops working.',
    newRecovery: 'Make a new recovery key',
    rotateHint:
      'Renewing the keys encrypts all data under a new key and gives a new recovery key. Do this when a laptop, passphrase or recovery key may have fallen into the wrong hands.',
    passphrase: 'Your passphrase, to confirm',
    rotate: 'Renew keys',
    rotating: 'Renewing…',
    shownOnce: 'Your new recovery key. It is shown only once: write it down and keep it safe.',
    olderBackups:
      'Backups from before this moment open only with the passphrase and recovery key of that time. Keep those for as long as you keep those backups (up to 12 months).',
    kept: 'I have kept the new recovery key',
  },
  firstRunChoice: 'Have you used Kernteam on another laptop before?',
  afterSetup:
    'Next, choose a folder for backups in Settings → Backups: the school drive, OneDrive or a USB stick. Then nothing is lost if this laptop breaks or is stolen.',
  restoreInstead: 'Restore from a backup',
  nagNone:
    'There is no backup yet. Choose a folder in Settings, so nothing is lost if this laptop breaks or is stolen.',
  nagStale: (when: string) => `The last good backup is from ${when}, more than a week ago.`,
  toBackups: 'Go to backups',
};
