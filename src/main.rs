//! Entry point: starts the app in the page's frame. Everything else lives in the library.

fn main() {
    ft_roi::app::start();
}
