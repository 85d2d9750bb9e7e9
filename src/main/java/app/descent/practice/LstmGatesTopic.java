package app.descent.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Which LSTM gate (or state) does what: given a role, or an equation, pick the right one. */
public final class LstmGatesTopic implements Topic {
    private static final List<String> PARTS = List.of("forget gate $f_t$", "input gate $i_t$", "output gate $o_t$",
            "candidate cell $g_t$ ($\\tilde{c}_t$)", "cell state $c_t$", "hidden state $h_t$");

    private record Fact(int part, String role, String why) {
    }

    private static final List<Fact> FACTS = List.of(
            new Fact(0, "decides, per component, how much of the previous cell state $c_{t-1}$ is kept",
                    "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$: $f_t$ scales the old memory."),
            new Fact(1, "decides how much of the new candidate is written into the cell",
                    "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$: $i_t$ scales what is added."),
            new Fact(2, "decides how much of the (squashed) cell state is exposed as the hidden state",
                    "$h_t = o_t \\odot \\tanh(c_t)$."),
            new Fact(3, "is computed with tanh (not $\\sigma$) and proposes the values that may be written",
                    "$g_t = \\tanh(W_g x_t + U_g h_{t-1} + b_g)$; the three gates use $\\sigma$ to lie in $(0, 1)$."),
            new Fact(4, "carries memory along the sequence through additions only, which keeps gradients from vanishing",
                    "The additive update of $c_t$ is the LSTM's gradient highway."),
            new Fact(5, "is what the next layer and the next time step receive as output",
                    "$h_t = o_t \\odot \\tanh(c_t)$ is the LSTM's output at step $t$."),
            new Fact(0, "is usually initialised with a positive bias so that the cell remembers by default",
                    "A forget-gate bias near 1 keeps $f_t \\approx 1$ early in training."),
            new Fact(2, "can be closed ($\\approx 0$) while the cell state still keeps its content",
                    "Closing $o_t$ hides $c_t$ from $h_t$ without erasing it."));

    @Override
    public String id() {
        return "lstm-gates";
    }

    @Override
    public String title() {
        return "LSTM gates: which does what";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Fact fact = FACTS.get(r.nextInt(FACTS.size()));
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        for (int i = order.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        ObjectNode given = Answers.object();
        ArrayNode options = given.putArray("options");
        int correct = -1;
        for (int k = 0; k < order.size(); k++) {
            options.add(PARTS.get(order.get(k)));
            if (order.get(k) == fact.part()) {
                correct = k;
            }
        }
        ObjectNode answer = Answers.object();
        answer.putArray("correct").add(correct);
        List<String> solution = List.of("The " + PARTS.get(fact.part()) + " " + fact.role() + ".", fact.why(),
                "LSTM: $f_t, i_t, o_t = \\sigma(W x_t + U h_{t-1} + b)$; $g_t = \\tanh(\\ldots)$; "
                        + "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$; $h_t = o_t \\odot \\tanh(c_t)$.");
        return new Exercise("lstm-gates", "In an LSTM, which part " + fact.role() + "?", given, answer, solution);
    }

    @Override
    public Grade check(Exercise exercise, String answerText) {
        try {
            return new QuizTopic().check(exercise, answerText);
        } catch (PracticeException e) {
            throw new PracticeException(e.getMessage().replaceFirst("^quiz", id()));
        }
    }
}
