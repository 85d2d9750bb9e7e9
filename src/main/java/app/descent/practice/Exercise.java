package app.descent.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One generated exercise.
 *
 * @param topic    the topic id ({@link Topics})
 * @param question the question with its numbers filled in
 * @param given    the data of the question, machine readable
 * @param answer   the expected answer, machine readable (the shape a {@code --answer} JSON must have)
 * @param solution worked steps, in order
 */
public record Exercise(String topic, String question, ObjectNode given, ObjectNode answer, List<String> solution) {
    public Exercise {
        solution = List.copyOf(solution);
    }
}
