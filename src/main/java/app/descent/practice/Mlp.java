package app.descent.practice;

import app.descent.catalog.Activation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A small fully-connected network in double precision, forward and backward by hand, for the MLP topics. */
public final class Mlp {
    /** One layer: weight is out × in. */
    public record Layer(double[][] weight, double[] bias, String activation) {
    }

    /** The values of a forward pass: pre-activations z and activations a per layer (a[0] is the input). */
    public record Pass(double[][] z, double[][] a) {
        public double[] output() {
            return a[a.length - 1];
        }
    }

    /** The activations the exercises use: those a student differentiates by hand. */
    static final List<String> ACTIVATIONS = List.of(Activation.RELU.id(), Activation.SIGMOID.id(), Activation.TANH.id(),
            Activation.IDENTITY.id());

    private Mlp() {
    }

    /** The activation's value, from the activations registry (an unknown name is an error). */
    public static double act(String activation, double z) {
        return Activation.parse(activation).value(z);
    }

    /** The derivative, from the pre-activation z and the activation a, as autograd takes it (the registry's slope). */
    static double derivative(String activation, double z, double a) {
        return Activation.parse(activation).slope(z, a);
    }

    public static Pass forward(double[] x, List<Layer> layers) {
        double[][] z = new double[layers.size() + 1][];
        double[][] a = new double[layers.size() + 1][];
        a[0] = x.clone();
        z[0] = x.clone();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            int out = layer.bias().length;
            z[l + 1] = new double[out];
            a[l + 1] = new double[out];
            for (int i = 0; i < out; i++) {
                double s = layer.bias()[i];
                for (int j = 0; j < a[l].length; j++) {
                    s += layer.weight()[i][j] * a[l][j];
                }
                z[l + 1][i] = s;
                a[l + 1][i] = act(layer.activation(), s);
            }
        }
        return new Pass(z, a);
    }

    /** Mean squared error over the outputs, as nn.MSELoss() with its default reduction='mean'. */
    public static double mse(double[] y, double[] target) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - target[i]) * (y[i] - target[i]);
        }
        return s / y.length;
    }

    /** Gradients of the MSE with respect to every weight and bias, as layers of the same shapes. */
    public static List<Layer> gradients(Pass pass, List<Layer> layers, double[] target, List<String> steps) {
        int n = target.length;
        double[] da = new double[n];
        for (int i = 0; i < n; i++) {
            da[i] = 2 * (pass.output()[i] - target[i]) / n;
        }
        if (steps != null) {
            steps.add("∂L/∂ŷ = 2(ŷ − t)/" + n + " = " + Answers.vec(da));
        }
        Layer[] grads = new Layer[layers.size()];
        for (int l = layers.size() - 1; l >= 0; l--) {
            Layer layer = layers.get(l);
            double[] z = pass.z()[l + 1];
            double[] a = pass.a()[l + 1];
            double[] prev = pass.a()[l];
            double[] dz = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                dz[i] = da[i] * derivative(layer.activation(), z[i], a[i]);
            }
            double[][] dw = new double[z.length][prev.length];
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < prev.length; j++) {
                    dw[i][j] = dz[i] * prev[j];
                }
            }
            grads[l] = new Layer(dw, dz.clone(), layer.activation());
            double[] down = new double[prev.length];
            for (int j = 0; j < prev.length; j++) {
                for (int i = 0; i < z.length; i++) {
                    down[j] += layer.weight()[i][j] * dz[i];
                }
            }
            if (steps != null) {
                steps.add("Layer " + (l + 1) + ": ∂L/∂z = ∂L/∂a ⊙ " + layer.activation() + "'(z) = " + Answers.vec(dz)
                        + "; ∂L/∂W = ∂L/∂z · aᵀ = " + Answers.mat(dw) + "; ∂L/∂b = " + Answers.vec(dz)
                        + (l > 0 ? "; ∂L/∂a(prev) = Wᵀ·∂L/∂z = " + Answers.vec(down) : ""));
            }
            da = down;
        }
        return List.of(grads);
    }

    // ------------------------------------------------------------------------------------------ JSON and random

    static List<Layer> random(SplittableRandom r, int inputs) {
        int count = r.nextInt(1, 3);
        List<Layer> layers = new ArrayList<>();
        int in = inputs;
        for (int l = 0; l < count; l++) {
            int out = l == count - 1 ? r.nextInt(1, 3) : r.nextInt(2, 4);
            double[][] w = new double[out][in];
            double[] b = new double[out];
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    w[i][j] = Answers.half(r, -2, 2);
                }
                b[i] = Answers.half(r, -1, 1);
            }
            layers.add(new Layer(w, b, ACTIVATIONS.get(r.nextInt(ACTIVATIONS.size()))));
            in = out;
        }
        return layers;
    }

    static double[] randomVector(SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Answers.half(r, lo, hi);
        }
        return v;
    }

    static ArrayNode json(List<Layer> layers, boolean withActivation) {
        ArrayNode a = Answers.F.arrayNode();
        for (Layer l : layers) {
            ObjectNode o = a.addObject();
            o.set("weight", Answers.matrix(l.weight()));
            o.set("bias", Answers.array(l.bias()));
            if (withActivation) {
                o.put("activation", l.activation());
            }
        }
        return a;
    }

    static double[] vector(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    /** The layers of a {@code given} object, as written by {@link #json}. */
    public static List<Layer> layers(JsonNode given) {
        List<Layer> out = new ArrayList<>();
        for (JsonNode l : given.get("layers")) {
            JsonNode w = l.get("weight");
            double[][] weight = new double[w.size()][];
            for (int i = 0; i < weight.length; i++) {
                weight[i] = vector(w.get(i));
            }
            out.add(new Layer(weight, vector(l.get("bias")), l.get("activation").asText()));
        }
        return out;
    }

    static String describe(List<Layer> layers) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            sb.append(l == 0 ? "" : "; ").append("layer ").append(l + 1).append(": W = ").append(Answers.mat(layer.weight()))
                    .append(", b = ").append(Answers.vec(layer.bias())).append(", ").append(layer.activation());
        }
        return sb.toString();
    }

    static void forwardSteps(Pass pass, List<Layer> layers, List<String> steps) {
        for (int l = 0; l < layers.size(); l++) {
            steps.add("Layer " + (l + 1) + ": z = W·a + b = " + Answers.vec(pass.z()[l + 1]) + ", a = "
                    + layers.get(l).activation() + "(z) = " + Answers.vec(pass.a()[l + 1]));
        }
    }
}
