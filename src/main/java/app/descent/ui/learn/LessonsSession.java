package app.descent.ui.learn;

import app.descent.lessons.Lesson;
import app.descent.lessons.LessonCatalog;
import app.descent.lessons.LessonException;
import app.descent.lessons.LessonParser;
import app.descent.session.SessionDocument;
import app.descent.session.SessionException;
import app.descent.session.SessionFiles;
import app.descent.ui.session.States;
import app.descent.ui.session.WorkspaceState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Learn's part of a session: {@code {"lesson": "id", "step": 2}} (the lesson's id as {@code descent lesson} names it,
 * the step from 0), with {@code "file"} when the lesson was opened from a file by hand; {@code "lesson": null} when
 * none is open. The person's own progress through lessons is not part of it.
 */
final class LessonsSession implements WorkspaceState {
    static final List<String> KEYS = List.of("lesson", "step", "file");
    private final LearnViewModel model;

    LessonsSession(LearnViewModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "lessons";
    }

    @Override
    public ObjectNode save(SessionFiles files) {
        ObjectNode n = SessionDocument.mapper().createObjectNode();
        Lesson l = model.lessonProperty().get();
        if (l == null) {
            n.putNull("lesson");
            return n;
        }
        n.put("lesson", l.id());
        n.put("step", Math.max(0, model.stepProperty().get()));
        Path file = model.openedFile(l.id());
        if (file != null) {
            n.put("file", file.toString());
        }
        return n;
    }

    @Override
    public Runnable restore(JsonNode state, SessionFiles files) {
        States.only(state, KEYS);
        if (state.path("lesson").isNull() || state.path("lesson").isMissingNode()) {
            return model::close;
        }
        String id = States.text(state, "lesson", null);
        int step = (int) States.whole(state, "step", 0L, 0);
        String file = States.text(state, "file", "");
        Lesson lesson;
        if (!file.isEmpty()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new SessionException("the lesson file " + file + " is not there");
            }
            try {
                lesson = LessonParser.parseFile(path);
            } catch (LessonException e) {
                throw new SessionException(e.getMessage(), e);
            }
        } else {
            List<LessonCatalog.Entry> entries = model.entries().isEmpty()
                    ? LessonCatalog.load(LessonCatalog.windowFolders()).entries() : List.copyOf(model.entries());
            lesson = entries.stream().filter(e -> !e.broken() && e.id().equals(id)).map(LessonCatalog.Entry::lesson)
                    .findFirst().orElseThrow(() -> new SessionException("no lesson '" + id + "' on the list"));
        }
        if (!lesson.id().equals(id)) {
            throw new SessionException("the lesson file " + file + " holds lesson '" + lesson.id() + "', not '" + id
                    + "'");
        }
        if (step >= lesson.steps().size()) {
            throw new SessionException("'step' " + step + " is beyond the lesson's " + lesson.steps().size()
                    + " steps");
        }
        Lesson found = lesson;
        return () -> {
            if (!file.isEmpty()) {
                model.openFile(Path.of(file));
            }
            model.showAt(found, step);
        };
    }

    @Override
    public void clear() {
        model.close();
    }
}
