//! Entry point: mounts the app. Everything else lives in the library.

fn main() {
    leptos::mount::mount_to_body(ft_roi::app::App);
}
