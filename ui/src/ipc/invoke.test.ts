import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError, call, messageOf } from './invoke';

describe('the one invoke wrapper', () => {
  afterEach(() => clearMocks());

  it('passes results through', async () => {
    mockIPC((cmd) => (cmd === 'store_status' ? { state: 'locked' } : null));
    await expect(call('store_status')).resolves.toEqual({ state: 'locked' });
  });

  it('turns IpcError rejections into CommandError with the code to branch on', async () => {
    mockIPC(() => {
      throw { code: 'WrongPassphrase', message: 'Dit wachtwoord klopt niet.', field: null };
    });
    const error = await call('unlock').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).code).toBe('WrongPassphrase');
    expect((error as CommandError).message).toBe('Dit wachtwoord klopt niet.');
  });

  it('maps anything unexpected to Internal with a Dutch message, never raw text', async () => {
    mockIPC(() => {
      throw 'panic: something internal';
    });
    const error = (await call('overview').catch((e: unknown) => e)) as CommandError;
    expect(error.code).toBe('Internal');
    expect(error.message).toContain('probeer het opnieuw');
  });

  it('shows the Dutch message of a CommandError and never the text of other errors', () => {
    const known = new CommandError({ code: 'Validation', message: 'Vul de naam in.', field: 'name' });
    expect(messageOf(known)).toBe('Vul de naam in.');
    expect(messageOf(new Error('TypeError at line 3'))).toBe('Er ging iets mis; probeer het opnieuw.');
  });
});
