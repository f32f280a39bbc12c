// The ONE place that calls into Rust. Every failure becomes an IpcError with a code to branch on.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorCode, IpcError } from './gen_types';

// A Record so that a new Rust error code fails the type check until it is listed here.
const KNOWN: Record<ErrorCode, true> = {
  WrongPassphrase: true, Locked: true, NoStore: true, AlreadyExists: true, Damaged: true,
  NewerSchema: true, KeyringUnavailable: true, NotFound: true, Validation: true, Internal: true,
  ConsentRequired: true, ReadOnly: true, ProfileRequired: true, NotAuthor: true, OpenActions: true,
  DiskFull: true, SecretRequired: true,
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
  return { code: 'Internal', message: 'Er ging iets mis; probeer het opnieuw.', field: null };
}

/** The Dutch message to show for a failed call; never raw internal text. */
export function messageOf(error: unknown): string {
  return error instanceof CommandError ? error.message : 'Er ging iets mis; probeer het opnieuw.';
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw new CommandError(asIpcError(raw));
  }
}
