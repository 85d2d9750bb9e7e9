package app.descent.practice;

import java.util.List;
import java.util.Optional;

/** The registry of practice topics, in the order they are listed. */
public final class Topics {
    private static final List<Topic> ALL = List.of(new BackpropTopic(), new SequentialShapeTopic(),
            new ReceptiveFieldTopic(), new ConvParamsTopic(), new RnnStepsTopic(), new RnnParamsTopic(),
            new PerceptronTopic(), new MlpForwardTopic(), new GdStepTopic(), new IterationsTopic(),
            new DepthWidthTopic(), new OptimizerStepTopic(), new LstmGatesTopic(), new QuizTopic());

    private Topics() {
    }

    public static List<Topic> all() {
        return ALL;
    }

    public static Optional<Topic> find(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The topic with this id, or a {@link PracticeException} listing the known ones. */
    public static Topic get(String id) {
        return find(id).orElseThrow(() -> new PracticeException("unknown topic '" + id + "' (known: "
                + String.join(", ", ALL.stream().map(Topic::id).toList()) + ")"));
    }
}
