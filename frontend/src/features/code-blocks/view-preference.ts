import type { LibraryView } from "./search";

// The grid/list choice outlives the visit: the next time the library opens, it opens the same way.
const VIEW_KEY = "library_view";

export function rememberedView(): LibraryView {
  try {
    return window.localStorage.getItem(VIEW_KEY) === "list" ? "list" : "grid";
  } catch {
    return "grid";
  }
}

export function rememberView(view: LibraryView): void {
  try {
    window.localStorage.setItem(VIEW_KEY, view);
  } catch {
    // Storage unavailable: the choice lasts as long as the address.
  }
}
