//! The Tauri commands, generated from the one command list (`kernteam_app::for_each_command!`):
//! each is a thin adapter that runs one use case, maps its error for IPC and, when the command
//! changes something, tells every window what changed. The few commands that need the shell
//! itself (native dialogs, start-up timing) live in the modules below.

mod backups;
mod dialog;
mod exports;
mod full_export;
mod meetings;
mod startup;

use kernteam_app::changes::{CHANGED_EVENT, Changed, Topic};
#[allow(unused_imports, reason = "the command list names its types with these")]
use kernteam_app::command_types::*;
use tauri::{AppHandle, Emitter as _, State};

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

pub use startup::mark_process_start;

/// One command's body by its kind (see the list's opening comment).
macro_rules! run {
    (session $app:ident $state:ident |$s:ident| $body:expr) => {
        $state.with(move |$s| $body).await.map_err(to_ipc)
    };
    (free $app:ident $state:ident $body:expr) => {
        Ok::<_, kernteam_app::IpcError>($body)
    };
    (shell $app:ident $state:ident $path:path ; $($arg:ident),*) => {
        $path($app.clone(), &$state, $($arg),*).await
    };
}

/// After a change succeeded: the event every window's data layer refreshes from.
macro_rules! announce {
    (changes $app:ident [$($topic:ident),*]) => {
        announce_changed(&$app, vec![$(Topic::$topic),*])
    };
    (shows $app:ident [$($topic:ident),*]) => {};
}

macro_rules! adapters {
    ($(
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $out:ty ;
        $effect:ident [ $($topic:ident),* ] = $kind:ident { $($body:tt)* }
    )*) => {
        $(
            #[tauri::command]
            #[allow(unused_variables, clippy::unused_unit)]
            async fn $name(
                app: AppHandle,
                state: State<'_, AppState>,
                $($arg: $ty),*
            ) -> CommandResult<$out> {
                let result = adapter_body!($kind app state ($($arg),*) $($body)*)?;
                announce!($effect app [$($topic),*]);
                Ok(result)
            }
        )*

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}

/// Routes a `shell` body to `run!` with the arguments it passes on.
macro_rules! adapter_body {
    (shell $app:ident $state:ident ($($arg:ident),*) $path:path) => {
        run!(shell $app $state $path ; $($arg),*)
    };
    ($kind:ident $app:ident $state:ident ($($arg:ident),*) $($body:tt)*) => {
        run!($kind $app $state $($body)*)
    };
}

kernteam_app::for_each_command!(adapters);

pub(crate) fn announce_changed(app: &AppHandle, topics: Vec<Topic>) {
    // A window that misses this shows older data until its next read; the change itself is
    // committed, so a failed emit is not the command's failure.
    let _ = app.emit(CHANGED_EVENT, Changed { topics });
}
