package app.descent.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;

/**
 * One generated exercise.
 *
 * @param topic    the topic id ({@link Topics})
 * @param question the question with its numbers filled in
 * @param given    the data of the question, machine readable
 * @param answer   the expected answer, machine readable (the shape a {@code --answer} JSON must have)
 * @param solution worked steps, in order
 * @param labels   the name of every number of the answer as the question writes it ("h2", "∂f/∂x"), in the
 *                 answer's natural order (the order of plain-number answers); one per number, all different
 */
public record Exercise(String topic, String question, ObjectNode given, ObjectNode answer, List<String> solution,
        List<String> labels) {
    public Exercise {
        solution = List.copyOf(solution);
        labels = List.copyOf(labels);
        int numbers = Answers.leaves(answer).size();
        if (labels.size() != numbers) {
            throw new IllegalArgumentException(topic + ": " + labels.size() + " labels for " + numbers + " numbers");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException(topic + ": answer labels repeat: " + labels);
        }
    }

    /** An exercise whose numbers are named from the answer's keys ("iterationsPerEpoch" → "iterations per epoch"). */
    public Exercise(String topic, String question, ObjectNode given, ObjectNode answer, List<String> solution) {
        this(topic, question, given, answer, solution, Answers.defaultLabels(answer));
    }
}
