// Reported the way Kernteam reports its first screen: after the first frame is drawn.
requestAnimationFrame(() => void window.__TAURI__.core.invoke('first_screen_shown'));
