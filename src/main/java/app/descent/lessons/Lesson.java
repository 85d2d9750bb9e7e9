package app.descent.lessons;

import java.util.List;

/** A parsed lesson file. {@code file} names where it came from (for messages). */
public record Lesson(String id, String title, String course, int minutes, String file, List<Block> intro,
        List<Step> steps) {
}
