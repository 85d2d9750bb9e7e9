package app.descent.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One step of gradient descent on a small MLP with the mean squared error. */
public final class GdStepTopic implements Topic {
    @Override
    public String id() {
        return "gd-step";
    }

    @Override
    public String title() {
        return "One gradient-descent step on a small MLP";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        while (true) {
            int inputs = r.nextInt(2, 4);
            double[] x = Mlp.randomVector(r, inputs, -2, 2);
            List<Mlp.Layer> layers = Mlp.random(r, inputs);
            double[] target = Mlp.randomVector(r, layers.get(layers.size() - 1).bias().length, -1, 1);
            double lr = new double[] {0.1, 0.5, 0.05, 1}[r.nextInt(4)];
            if (!onKink(Mlp.forward(x, layers), layers)) {
                return exercise(x, layers, target, lr);
            }
        }
    }

    /** A ReLU exactly at 0 has no derivative (PyTorch takes 0); such draws are skipped. */
    static boolean onKink(Mlp.Pass pass, List<Mlp.Layer> layers) {
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).activation().equals("relu")) {
                for (double z : pass.z()[l + 1]) {
                    if (Math.abs(z) < 1e-9) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public static Exercise exercise(double[] x, List<Mlp.Layer> layers, double[] target, double lr) {
        ObjectNode given = Answers.object();
        given.set("x", Answers.array(x));
        given.set("layers", Mlp.json(layers, true));
        given.set("target", Answers.array(target));
        given.put("lr", lr);
        Mlp.Pass pass = Mlp.forward(x, layers);
        double loss = Mlp.mse(pass.output(), target);
        List<String> solution = new ArrayList<>();
        solution.add("Forward, a0 = x = " + Answers.vec(x));
        Mlp.forwardSteps(pass, layers, solution);
        solution.add("Loss (mean squared error over " + target.length + " outputs): L = mean((ŷ − t)²) = "
                + Answers.fmt(loss));
        List<Mlp.Layer> grads = Mlp.gradients(pass, layers, target, solution);
        List<Mlp.Layer> updated = step(layers, grads, lr);
        for (int l = 0; l < updated.size(); l++) {
            solution.add("Update layer " + (l + 1) + ": W ← W − " + Answers.fmt(lr) + "·∂L/∂W = "
                    + Answers.mat(updated.get(l).weight()) + ", b ← b − " + Answers.fmt(lr) + "·∂L/∂b = "
                    + Answers.vec(updated.get(l).bias()));
        }
        ObjectNode answer = Answers.object();
        answer.put("loss", loss);
        answer.set("layers", Mlp.json(updated, false));
        String question = "For x = " + Answers.vec(x) + ", target t = " + Answers.vec(target)
                + " and the network " + Mlp.describe(layers) + ", compute the mean squared error loss (as"
                + " nn.MSELoss) and the weights and biases after one gradient-descent step with learning rate "
                + Answers.fmt(lr) + ".";
        List<String> labels = new ArrayList<>();
        labels.add("loss");
        for (int l = 0; l < updated.size(); l++) {
            double[][] w = updated.get(l).weight();
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    labels.add("layer " + (l + 1) + " W[" + (i + 1) + "," + (j + 1) + "]");
                }
            }
            for (int i = 0; i < updated.get(l).bias().length; i++) {
                labels.add("layer " + (l + 1) + " b[" + (i + 1) + "]");
            }
        }
        return new Exercise("gd-step", question, given, answer, solution, labels);
    }

    static List<Mlp.Layer> step(List<Mlp.Layer> layers, List<Mlp.Layer> grads, double lr) {
        List<Mlp.Layer> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            Mlp.Layer p = layers.get(l);
            Mlp.Layer g = grads.get(l);
            double[][] w = new double[p.weight().length][];
            double[] b = new double[p.bias().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = new double[p.weight()[i].length];
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = p.weight()[i][j] - lr * g.weight()[i][j];
                }
                b[i] = p.bias()[i] - lr * g.bias()[i];
            }
            out.add(new Mlp.Layer(w, b, p.activation()));
        }
        return out;
    }
}
