package app.descent.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any seed (negative, huge) gives a complete exercise whose own answer is graded correct. */
class PracticePropertiesTest {
    private static final ObjectMapper M = new ObjectMapper();

    @Provide
    Arbitrary<Topic> topics() {
        return Arbitraries.of(Topics.all());
    }

    @Property(tries = 300)
    void anySeedGivesAGradableExercise(@ForAll("topics") Topic topic, @ForAll long seed) throws Exception {
        Exercise e = topic.generate(seed);
        assertThat(e).isEqualTo(topic.generate(seed));
        assertThat(e.topic()).isEqualTo(topic.id());
        assertThat(topic.check(e, M.writeValueAsString(e.answer())).correct()).isTrue();
        assertThat(topic.check(e, TopicsContractTest.plain(e)).correct()).isTrue();
    }

    @Property(tries = 100)
    void backpropExercisesHaveAGradientWorthComputing(@ForAll long seed) {
        Exercise e = new BackpropTopic().generate(seed);
        boolean nonZero = false;
        for (var g : (Iterable<com.fasterxml.jackson.databind.JsonNode>) e.answer().get("gradients")::elements) {
            nonZero |= g.asDouble() != 0;
        }
        assertThat(nonZero).as(e.question()).isTrue();
    }
}
