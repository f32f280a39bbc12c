use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use kernteam_app::{AppError, DataDir, ErrorCode, Session, StoreStatus};

/// Sent to the page when the shell locked the store by itself (idle, OS lock or suspend).
pub const LOCKED_EVENT: &str = "kernteam://locked";

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

    /// The idle lock in Rust: every few seconds the session is asked whether its idle time has
    /// passed; if it locked, the page is told to show the unlock screen. A webview that hangs,
    /// sleeps or is tampered with cannot keep the store open.
    pub fn watch_idle(&self, app: tauri::AppHandle) {
        use tauri::Emitter as _;
        let session = self.0.clone();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(std::time::Duration::from_secs(5));
                let locked = session
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .lock_if_idle(std::time::Instant::now());
                if locked {
                    let _ = app.emit(LOCKED_EVENT, ());
                }
            }
        });
    }

    /// Locks when the OS locks the screen or suspends (see `os_lock`), and tells the page.
    #[cfg(target_os = "linux")]
    pub fn watch_os_lock(&self, app: tauri::AppHandle) {
        use tauri::Emitter as _;
        let state = self.clone();
        crate::os_lock::watch(crate::os_lock::Buses::default(), move |_why| {
            if state.lock_now() {
                let _ = app.emit(LOCKED_EVENT, ());
            }
        });
    }

    /// Locks; true when the store was open.
    pub fn lock_now(&self) -> bool {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let was_open = guard.status().state == kernteam_app::StoreState::Unlocked;
        guard.lock();
        was_open
    }
}
