package app.descent.ui.session;

import java.nio.file.Path;

/** A second Descent for {@link AutosaveTest}: claims an autosave in the folder given, says which, and holds it. */
public final class AutosaveHolder {
    private AutosaveHolder() {
    }

    public static void main(String[] args) throws Exception {
        Autosave a = Autosave.claim(Path.of(args[0]));
        System.out.println(a.file().getFileName());
        System.out.flush();
        // held until the parent closes our stdin
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
    }
}
