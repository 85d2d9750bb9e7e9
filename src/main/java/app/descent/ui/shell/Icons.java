package app.descent.ui.shell;

/** Feather icon literals (Ikonli) for the rail. */
final class Icons {
    private Icons() {
    }

    static String of(Workspace w) {
        return switch (w) {
            case BACKPROP -> "fth-git-merge";
            case BUILDER -> "fth-layers";
            case TRAINING -> "fth-trending-down";
            case COMPARE -> "fth-columns";
            case PRACTICE -> "fth-check-square";
            case LEARN -> "fth-book-open";
        };
    }
}
