//! Errors cross IPC as `IpcError { code, message, field }`; the UI branches on `code` only.

use kernteam_app::{AppError, IpcError};

pub type CommandResult<T> = Result<T, IpcError>;

/// Converts for the UI and logs the code and the kind of its cause only: messages may one day
/// quote input, and no pupil data ever goes to a log.
pub fn to_ipc(error: AppError) -> IpcError {
    eprintln!("kernteam: command failed: {}", error.diagnostic());
    error.into()
}
