package app.descent.ui.backprop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Expressions from the tutorials and exams, each with the values the course uses. */
final class Presets {
    /** {@code update}: a variable whose gradient-descent step the preset shows (with {@code lr}), or null. */
    record Preset(String name, String expression, Map<String, Double> values, String note, String update, double lr) {
        @Override
        public String toString() {
            return name;
        }

        Preset withUpdate(String variable, double learningRate) {
            return new Preset(name, expression, values, note, variable, learningRate);
        }
    }

    private Presets() {
    }

    static final List<Preset> ALL = List.of(
            preset("Tutorial: 2((xy) + max(z, w))", "2*((x*y)+max(z,w))",
                    "The tutorial's example: f = -20; max routes the gradient to z, so w gets 0.",
                    "x", 3, "y", -4, "z", 2, "w", -1),
            preset("Gate: add distributes", "x + y", "An add gate passes its upstream gradient unchanged to every input.",
                    "x", 2, "y", -3),
            preset("Gate: mul swaps", "x * y", "A mul gate sends each input the upstream gradient times the other input.",
                    "x", 3, "y", -4),
            preset("Gate: max routes", "max(x, y)",
                    "A max gate routes the whole gradient to its larger input; the other gets 0 (a tie splits it equally).",
                    "x", 2, "y", -1),
            preset("Gate: fan-out adds", "x*y + x", "x is used twice: its gradient is the sum of both contributions.",
                    "x", 3, "y", -4),
            preset("tanh neuron", "tanh(w0*x0 + w1*x1 + b)",
                    "The derivative of tanh is $1 - \\tanh^2$. Applied elementwise to a vector, its Jacobian is diagonal.",
                    "w0", 2, "x0", -1, "w1", -3, "x1", -2, "b", -3),
            preset("Sigmoid neuron with binary cross-entropy", "-(t*log(sigmoid(w*x + b)) + (1 - t)*log(1 - sigmoid(w*x + b)))",
                    "Logistic regression: the gradient of BCE with respect to the logit $z$ is $\\sigma(z) - t$.",
                    "w", 0.5, "x", 2, "b", -0.5, "t", 1),
            preset("TUM endterm network (MSE, update of w21)",
                    "h1 = w11*i1 + w12*i2 + b1\n"
                            + "h2 = w21*i1 + w22*i2 + b2\n"
                            + "h3 = relu(h1)\n"
                            + "h4 = relu(h2)\n"
                            + "o1 = w31*h3 + w32*h4 + b3\n"
                            + "o2 = w41*h3 + w42*h4 + b4\n"
                            + "L = ((o1 - t1)**2 + (o2 - t2)**2) / 2",
                    "Assumed wiring: h1, h2 are the hidden pre-activations ($w_{jk}$ from input k to hidden j), h3 = ReLU(h1), "
                            + "h4 = ReLU(h2); o1, o2 are linear outputs of h3, h4; L is the mean of the two squared "
                            + "errors. Gradient descent with learning rate 0.1: $w_{21} \\leftarrow w_{21} - 0.1 \\cdot \\frac{\\partial L}{\\partial w_{21}}$.",
                    "i1", 2, "i2", -1, "w11", 1, "w12", -0.5, "w21", 0.5, "w22", -1, "w31", 0.5, "w32", -1,
                    "w41", -0.5, "w42", 1, "b1", 0.5, "b2", -0.5, "b3", -1, "b4", 0.5, "t1", 1, "t2", 0.5)
                    .withUpdate("w21", 0.1),
            preset("ReLU RNN unrolled three steps",
                    "h1 = relu(V*h0 + W*x1)\nh2 = relu(V*h1 + W*x2)\nh3 = relu(V*h2 + W*x3)",
                    "$h_t = \\mathrm{ReLU}(V h_{t-1} + W x_t)$: the same V and W at every step, so their gradients add up over time. "
                            + "h = 0, 4, 4.",
                    "V", 1, "W", 2, "h0", -3, "x1", 1, "x2", 2, "x3", 0));

    private static Preset preset(String name, String expr, String note, Object... nameValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            values.put((String) nameValues[i], ((Number) nameValues[i + 1]).doubleValue());
        }
        return new Preset(name, expr, values, note, null, 0);
    }
}
