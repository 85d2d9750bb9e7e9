package app.descent.ui.practice;

import app.descent.UserInputException;
import app.descent.practice.Difficulty;
import app.descent.practice.Exercise;
import app.descent.practice.Topics;
import app.descent.session.SessionDocument;
import app.descent.session.SessionException;
import app.descent.session.SessionFiles;
import app.descent.ui.session.States;
import app.descent.ui.session.WorkspaceState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ListView;

/**
 * Practice's part of a session: the exercise on screen as {@code descent practice --topic T --seed N} prints it,
 * {@code {"topic", "seed", "difficulty", "mix", "answer": [...]}} with the difficulty chosen for the next
 * exercises, whether the exam mix is chosen, and the numbers typed so far. Progress stays the person's own.
 */
final class PracticeSession implements WorkspaceState {
    static final List<String> KEYS = List.of("topic", "seed", "difficulty", "mix", "answer");
    private final PracticeViewModel model;
    private final ListView<String> topicList;

    PracticeSession(PracticeViewModel model, ListView<String> topicList) {
        this.model = model;
        this.topicList = topicList;
    }

    @Override
    public String id() {
        return "practice";
    }

    @Override
    public ObjectNode save(SessionFiles files) {
        ObjectNode n = SessionDocument.mapper().createObjectNode();
        Exercise e = model.exerciseProperty().get();
        if (e != null) {
            n.put("topic", e.topic());
            n.put("seed", model.seed());
        }
        n.put("difficulty", model.difficultyProperty().get().name().toLowerCase(Locale.ROOT));
        n.put("mix", PracticeViewModel.MIX.equals(model.topicProperty().get()));
        ArrayNode answer = n.putArray("answer");
        model.fields().forEach(f -> answer.add(f.get()));
        return n;
    }

    @Override
    public Runnable restore(JsonNode state, SessionFiles files) {
        States.only(state, KEYS);
        String topic = States.text(state, "topic", null);
        long seed = States.whole(state, "seed", null, Long.MIN_VALUE);
        Exercise exercise;
        Difficulty difficulty;
        try {
            exercise = Topics.get(topic).generate(seed);
            difficulty = Difficulty.parse(States.text(state, "difficulty", "normal"));
        } catch (UserInputException e) {
            throw new SessionException(e.getMessage(), e);
        }
        JsonNode mixNode = state.path("mix");
        if (!mixNode.isMissingNode() && !mixNode.isBoolean()) {
            throw new SessionException("'mix' must be true or false, not " + mixNode);
        }
        boolean mix = mixNode.asBoolean(false);
        List<String> answer = new ArrayList<>();
        JsonNode a = state.path("answer");
        if (!a.isMissingNode() && !a.isArray()) {
            throw new SessionException("'answer' must be a list of the numbers typed");
        }
        a.forEach(v -> answer.add(v.asText()));
        int wanted = exercise.given().has("options") ? 0 : exercise.labels().size();
        if (!answer.isEmpty() && answer.size() != wanted) {
            throw new SessionException("'answer' has " + answer.size() + " numbers; the exercise asks for " + wanted);
        }
        String title = mix ? PracticeViewModel.MIX : Topics.get(topic).title();
        return () -> {
            topicList.getSelectionModel().select(title);
            model.difficultyProperty().set(difficulty);
            model.show(topic, seed);
            List<StringProperty> fields = model.fields();
            for (int i = 0; i < answer.size() && i < fields.size(); i++) {
                fields.get(i).set(answer.get(i));
            }
        };
    }

    @Override
    public void clear() {
        topicList.getSelectionModel().select(PracticeViewModel.MIX);
        model.difficultyProperty().set(Difficulty.NORMAL);
        model.next();
    }
}
