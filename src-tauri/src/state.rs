use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use kernteam_app::{AppError, DataDir, ErrorCode, Session, StoreStatus};

/// The one session of this window. Work on it runs on the blocking pool (Argon2 and SQLCipher
/// must never stall the GTK main thread).
#[derive(Clone)]
pub struct AppState(Arc<Mutex<Session>>);

impl AppState {
    pub fn new(dir: PathBuf) -> Self {
        Self(Arc::new(Mutex::new(Session::new(DataDir::new(dir)))))
    }

    pub async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Session) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let session = self.0.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = session
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut guard)
        })
        .await
        .map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "Er ging iets mis; probeer het opnieuw.",
            )
        })?
    }

    /// The store's state as the first page load should see it (read on the main thread while
    /// nothing else runs: only `keys.json` is read).
    pub fn status_now(&self) -> StoreStatus {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .status()
    }

    pub fn lock_now(&self) {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.lock();
    }
}
