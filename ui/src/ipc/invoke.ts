// The ONE place that calls into Rust. Every failure becomes an IpcError with a code to branch on.
import { invoke } from '@tauri-apps/api/core';
import { language, t } from '../i18n';
import type { ErrorCode, IpcError } from './gen_types';

// A Record so that a new Rust error code fails the type check until it is listed here.
const KNOWN: Record<ErrorCode, true> = {
  WrongPassphrase: true,
  Locked: true,
  NoStore: true,
  AlreadyExists: true,
  Damaged: true,
  BackupFolderUnavailable: true,
  BackupDamaged: true,
  InUse: true,
  NewerSchema: true,
  KeyringUnavailable: true,
  NotFound: true,
  Validation: true,
  Internal: true,
  ConsentRequired: true,
  ReadOnly: true,
  ProfileRequired: true,
  NotAuthor: true,
  OpenActions: true,
  DiskFull: true,
  SecretRequired: true,
};
const CODES = Object.keys(KNOWN) as ErrorCode[];

export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  constructor(error: IpcError) {
    super(error.message);
    this.code = error.code;
    this.field = error.field;
  }
}

function asIpcError(raw: unknown): IpcError {
  if (raw && typeof raw === 'object' && 'code' in raw && 'message' in raw) {
    const r = raw as { code: unknown; message: unknown; field?: unknown };
    if (CODES.includes(r.code as ErrorCode) && typeof r.message === 'string') {
      return { code: r.code as ErrorCode, message: r.message, field: typeof r.field === 'string' ? r.field : null };
    }
  }
  return { code: 'Internal', message: t.errors.Internal, field: null };
}

/** The message to show for a failed call; never raw internal text. In Dutch the backend's own
 * sentence (it names the field and the rule); in another language the words for its code, with
 * the field it concerns (the backend's sentences are Dutch only for now). */
export function messageOf(error: unknown): string {
  if (!(error instanceof CommandError)) return t.errors.Internal;
  if (language() === 'nl') return error.message;
  const field = error.field ? ` (${error.field})` : '';
  return `${t.errors[error.code]}${field}`;
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw new CommandError(asIpcError(raw));
  }
}
