package app.descent.lessons;

import java.util.List;

/** One {@code ## } section of a lesson. */
public record Step(String title, int line, List<Block> blocks) {
    public List<Block.Action> actions() {
        return blocks.stream().filter(b -> b instanceof Block.Action).map(b -> (Block.Action) b).toList();
    }

    public List<Block.Check> checks() {
        return blocks.stream().filter(b -> b instanceof Block.Check).map(b -> (Block.Check) b).toList();
    }
}
