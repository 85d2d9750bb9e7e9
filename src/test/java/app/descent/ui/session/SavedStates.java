package app.descent.ui.session;

import app.descent.session.SessionFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicReference;
import org.testfx.api.FxRobot;

/** For the workspaces' session tests: what a workspace's save writes, through text and back, as a file carries it. */
public final class SavedStates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedStates() {
    }

    /** The registered workspace {@code id}'s state, saved on the FX thread. */
    public static JsonNode saved(FxRobot robot, String id, SessionFiles files) throws Exception {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> {
            try {
                text.set(JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(Sessions.registered().get(id).save(files)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return JSON.readTree(text.get());
    }
}
