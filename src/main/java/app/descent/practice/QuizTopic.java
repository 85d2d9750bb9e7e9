package app.descent.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** Multiple-answer conceptual questions, graded all-or-nothing; every option explains itself in the solution. */
public final class QuizTopic implements Topic {
    /** An option: its text, whether it is true, and why. */
    public record Option(String text, boolean correct, String why) {
    }

    /** A question with at least one correct option. */
    public record Question(String id, String text, List<Option> options) {
    }

    private static Option yes(String text, String why) {
        return new Option(text, true, why);
    }

    private static Option no(String text, String why) {
        return new Option(text, false, why);
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("epochs-batches", "A training set has 10,000 examples and the mini-batch size is 100. Which statements are true?", List.of(
                    yes("One epoch takes 100 optimizer steps.", "An epoch is one pass over all 10,000 examples, 100 at a time: 10,000 / 100 = 100 steps."),
                    yes("After 5 epochs every example has been used 5 times.", "Each epoch visits every example once."),
                    no("One epoch is one optimizer step.", "That is only true for full-batch gradient descent (batch size = training-set size)."),
                    no("A larger batch always means more optimizer steps per epoch.", "It is the opposite: steps per epoch = examples / batch size."))),
            new Question("dropout-test", "How does dropout behave when the trained network is evaluated (model.eval())?", List.of(
                    yes("No unit is dropped: the full network is used.", "Dropout is a training-time regulariser; at test time the prediction must be deterministic."),
                    yes("With PyTorch's inverted dropout, activations need no rescaling at test time.", "During training the kept units are scaled by 1/(1−p), so the expected activation already matches test time."),
                    no("Units are dropped with the same probability p, to keep train and test alike.", "That would make predictions random and worse; dropout is switched off in eval mode."),
                    no("The weights are multiplied by p after training.", "With inverted dropout the scaling happened during training; classic (non-inverted) dropout scales by the keep probability 1−p, not p."))),
            new Question("overfitting-remedies", "Training loss keeps falling while validation loss rises. Which are reasonable remedies?", List.of(
                    yes("Add more training data or data augmentation.", "More (or more varied) data makes memorising the training set harder."),
                    yes("Add regularisation such as weight decay or dropout.", "Regularisation limits the effective capacity of the model."),
                    yes("Stop training at the epoch with the best validation loss.", "Early stopping keeps the model from the point before it started to overfit."),
                    no("Train longer with a larger model.", "More capacity and more epochs usually make overfitting worse."))),
            new Question("one-by-one", "What can a 1×1 convolution do?", List.of(
                    yes("Change the number of channels (e.g. 256 → 64) at every position.", "It is a per-pixel linear map across channels, used as a bottleneck in Inception and ResNet."),
                    yes("Add a non-linearity across channels when followed by an activation.", "A 1×1 conv + ReLU is a small per-pixel fully-connected layer (network in network)."),
                    no("Enlarge the receptive field.", "A 1×1 kernel adds (1−1)·jump = 0 to the receptive field."),
                    no("Reduce the height and width with stride 1.", "With stride 1 and no padding the spatial size is unchanged: (H − 1)/1 + 1 = H."))),
            new Question("pooling", "Which statements about 2×2 max pooling with stride 2 are true?", List.of(
                    yes("It has no learnable parameters.", "It only takes the maximum of each window."),
                    yes("It halves the height and width (rounding down).", "⌊(H − 2)/2⌋ + 1 = ⌊H/2⌋."),
                    yes("It gives a little invariance to small translations.", "A feature moved inside its window gives the same maximum."),
                    no("It changes the number of channels.", "Pooling acts on each channel separately; the channel count stays."))),
            new Question("weight-sharing", "Why does a convolutional layer have far fewer parameters than a fully-connected layer on the same image?", List.of(
                    yes("The same filter weights are used at every position (weight sharing).", "One k×k×C filter is slid over the image instead of a weight per input–output pair."),
                    yes("Each output looks only at a small local window (local connectivity).", "A k×k window instead of the whole image."),
                    no("Because convolutions have no bias.", "Conv2d has one bias per output channel by default; it is not where the savings come from."),
                    no("Because the number of parameters grows with the image size.", "The parameter count of a convolution does not depend on the image size at all."))),
            new Question("initialization", "Which statements about weight initialisation are true?", List.of(
                    yes("Initialising all weights to the same value makes hidden units in a layer learn the same thing.", "Identical units receive identical gradients, so the symmetry is never broken."),
                    yes("He (Kaiming) initialisation scales the variance by 2/fan_in, suited to ReLU.", "ReLU zeroes half of the inputs on average; the factor 2 keeps the activation variance constant across layers."),
                    yes("Weights that are too large can make activations and gradients explode.", "Each layer multiplies the scale of the signal; products of many large factors blow up."),
                    no("Biases must be initialised randomly to break symmetry.", "Random weights already break symmetry; biases are commonly initialised to zero."))),
            new Question("sigmoid-saturation", "Why can sigmoid activations slow down training of deep networks?", List.of(
                    yes("For large |z| the derivative σ'(z) = σ(z)(1−σ(z)) is close to 0.", "A saturated unit passes almost no gradient back."),
                    yes("The derivative is at most 0.25, so gradients shrink through many layers.", "The chain rule multiplies these factors: 0.25 per layer at best (vanishing gradients)."),
                    yes("Its outputs are always positive (not zero-centred).", "All inputs to the next layer have the same sign, which makes the gradients of a unit's weights all share one sign and zig-zag."),
                    no("It is not differentiable at 0.", "The sigmoid is smooth everywhere; it is ReLU that has a kink at 0."))),
            new Question("optimizers", "Which statements about optimisers are true?", List.of(
                    yes("Momentum accumulates a running average of past gradients and moves along it.", "Consistent directions speed up and oscillations across a ravine cancel out."),
                    yes("RMSProp divides each parameter's step by a running RMS of its gradients.", "Parameters with large gradients get smaller steps, rare/small ones larger."),
                    yes("Adam combines a momentum-like first moment with an RMSProp-like second moment, with bias correction.", "Both moving averages start at 0, hence the bias correction in the first steps."),
                    no("Adam needs no learning rate.", "Adam still has a learning rate (PyTorch's default is 0.001)."))),
            new Question("batch-norm", "Which statements about batch normalisation are true?", List.of(
                    yes("In training mode it normalises with the statistics of the current mini-batch.", "Mean and variance are computed over the batch (and spatial positions for BatchNorm2d)."),
                    yes("In eval mode it uses running averages collected during training.", "A single test example must not depend on the other examples of its batch."),
                    yes("It has a learnable scale γ and shift β per channel.", "So the layer can undo the normalisation if that is better; BatchNorm2d(C) has 2C parameters."),
                    no("It makes a bias in the preceding layer essential.", "The mean subtraction removes any constant bias; β plays its role, so bias=False is common before batch norm."))),
            new Question("data-splits", "How should training, validation and test sets be used?", List.of(
                    yes("Fit the weights on the training set.", "That is the data the optimiser sees."),
                    yes("Choose hyperparameters and the stopping epoch on the validation set.", "Validation is the stand-in for unseen data during development."),
                    yes("Report final performance on the test set, used once at the end.", "Tuning on the test set would make its score optimistic."),
                    no("Tune the learning rate on the test set, since it is the most honest estimate.", "Once you tune on it, it is no longer an honest estimate."))),
            new Question("early-stopping", "Which statements about early stopping are true?", List.of(
                    yes("It monitors a validation metric and stops when it stops improving.", "Usually with a patience of a few epochs."),
                    yes("One keeps the weights from the best validation epoch.", "The last weights are already past the best point."),
                    yes("It acts as a regulariser.", "It limits how far the weights travel from their initialisation."),
                    no("It stops when the training loss reaches zero.", "The training loss is not the signal; overfitting shows on validation data."))),
            new Question("augmentation", "Which are sensible data augmentations for classifying photos of cats and dogs?", List.of(
                    yes("Random horizontal flips.", "A mirrored cat is still a cat."),
                    yes("Random crops and small rescalings.", "The label does not depend on the exact framing."),
                    yes("Small changes of brightness and contrast.", "Lighting varies in real photos."),
                    no("Applying the same random augmentations to the test images to report accuracy.", "Test images are evaluated as they are (test-time augmentation is a separate, deliberate technique, not random noise in the metric)."))),
            new Question("lstm-gates", "Which statements about the LSTM cell are true?", List.of(
                    yes("The forget gate decides how much of the previous cell state is kept.", "c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t."),
                    yes("The input gate scales how much of the new candidate is written into the cell.", "It multiplies the candidate g_t."),
                    yes("The additive cell-state path helps gradients flow over many time steps.", "With f ≈ 1 the gradient through c passes almost unchanged, easing vanishing gradients."),
                    no("An LSTM has the same number of parameters as a plain RNN of the same sizes.", "It has 4 gate blocks, so about 4 times as many."))),
            new Question("autoencoders", "Which statements about autoencoders are true?", List.of(
                    yes("They are trained to reconstruct their input.", "The target is the input itself, so no labels are needed."),
                    yes("A bottleneck smaller than the input forces a compressed representation.", "Otherwise the network could learn the identity."),
                    yes("A denoising autoencoder gets a corrupted input and reconstructs the clean one.", "That teaches robust features rather than copying."),
                    no("They need class labels for training.", "Reconstruction is unsupervised (self-supervised)."))),
            new Question("gans", "Which statements about generative adversarial networks are true?", List.of(
                    yes("A generator maps random noise to samples.", "z ~ N(0, I) → G(z)."),
                    yes("A discriminator is trained to tell real samples from generated ones.", "It is a binary classifier."),
                    yes("Generator and discriminator are trained in alternation with opposite objectives.", "A min-max game."),
                    no("The generator is trained to reconstruct real images pixel by pixel.", "It never sees a target image; its signal comes only from the discriminator."))),
            new Question("relu", "Which statements about ReLU are true?", List.of(
                    yes("Its derivative is 1 for positive inputs and 0 for negative inputs.", "relu(z) = max(0, z)."),
                    yes("A unit whose input is negative for every example gets no gradient (a \"dead\" ReLU).", "The derivative is 0 for all of them."),
                    no("It saturates for large positive inputs like the sigmoid.", "It grows linearly without bound for positive inputs."),
                    no("It squashes outputs into (0, 1).", "Its outputs are in [0, ∞)."))),
            new Question("learning-rate", "What happens with the learning rate?", List.of(
                    yes("Too large a learning rate can make the loss diverge or oscillate.", "Steps overshoot the minimum."),
                    yes("Too small a learning rate makes training very slow.", "Many tiny steps are needed."),
                    yes("Learning-rate schedules often decrease it during training.", "Large steps early, fine steps later."),
                    no("The learning rate is learned by backpropagation in plain SGD.", "It is a hyperparameter, chosen by the user."))),
            new Question("softmax-ce", "A classifier ends in nn.Linear(128, 10) and is trained with nn.CrossEntropyLoss. Which is true?", List.of(
                    yes("The network should output raw scores (logits); the loss applies log-softmax itself.", "CrossEntropyLoss = LogSoftmax + NLLLoss."),
                    yes("The targets are class indices 0..9.", "Not one-hot vectors (probabilities are also accepted in recent PyTorch, but indices are the usual form)."),
                    no("A Softmax layer must be added before the loss.", "That would apply softmax twice and slow down learning."),
                    no("The last layer must use a sigmoid.", "Sigmoid is for independent binary outputs (BCEWithLogitsLoss)."))),
            new Question("vanishing", "Which techniques help against vanishing gradients in deep networks?", List.of(
                    yes("ReLU-like activations instead of sigmoid or tanh.", "Their derivative is 1 on the active side."),
                    yes("Residual (skip) connections.", "The identity path carries the gradient straight back."),
                    yes("Careful initialisation such as Xavier or He.", "Keeps activation and gradient variances stable across layers."),
                    no("Making the network deeper.", "More layers mean more factors in the chain rule: the problem gets worse."))),
            new Question("convolution-padding", "A 3×3 convolution with stride 1 is applied to a 32×32 image. Which are true?", List.of(
                    yes("With padding 1 the output is 32×32.", "(32 + 2 − 3)/1 + 1 = 32: 'same' padding."),
                    yes("With padding 0 the output is 30×30.", "(32 − 3)/1 + 1 = 30."),
                    no("The padding changes the number of parameters.", "Parameters depend only on channels and kernel size."),
                    no("With stride 2 and padding 1 the output is 15×15.", "⌊(32 + 2 − 3)/2⌋ + 1 = 16."))),
            new Question("batch-size", "Which statements about the mini-batch size are true?", List.of(
                    yes("Smaller batches give noisier gradient estimates.", "The gradient is averaged over fewer examples."),
                    yes("Larger batches use more memory per step.", "All activations of the batch are kept for the backward pass."),
                    no("The batch size does not affect the gradient noise.", "The variance of the mean gradient falls as 1/batch size."),
                    no("Batch normalisation works equally well with a batch size of 1.", "With one example the batch statistics are meaningless (PyTorch even refuses BatchNorm training on a single value per channel)."))),
            new Question("transfer", "You have 500 labelled images and a network pretrained on ImageNet. What is sensible?", List.of(
                    yes("Replace the last layer and train it, keeping the pretrained layers frozen at first.", "The pretrained features are general; few parameters are fitted on few data."),
                    yes("Fine-tune the upper layers later with a small learning rate.", "Small steps adapt the features without destroying them."),
                    no("Train the whole network from scratch with a large learning rate.", "500 images are far too few to learn millions of parameters from scratch."),
                    no("Use the ImageNet test set as validation data.", "Validation data must come from your own task."))),
            new Question("l1-l2", "Which statements about L1 and L2 regularisation are true?", List.of(
                    yes("L2 regularisation (weight decay) shrinks every weight towards 0 in proportion to its size.", "The gradient of λ‖w‖² is 2λw."),
                    yes("L1 regularisation tends to make many weights exactly 0 (sparse).", "Its gradient λ·sign(w) has the same size however small w is."),
                    no("Regularisation lowers the training loss.", "It adds a penalty: the training loss usually rises a little, in exchange for better generalisation."),
                    no("L2 regularisation is the same as adding dropout.", "They are different regularisers (dropout is only related to L2 in special linear cases)."))),
            new Question("gradient-check", "Which statements about checking gradients with finite differences are true?", List.of(
                    yes("The central difference (f(x+h) − f(x−h))/2h has an error of order h².", "The first-order error terms cancel, unlike the one-sided difference (order h)."),
                    yes("It is a good way to test a hand-written backward pass.", "Compare both on a few random points; they must agree to several digits."),
                    yes("It needs two forward passes per parameter, far too slow to train with.", "Backpropagation gets all gradients in one backward pass."),
                    no("A smaller h always gives a more accurate estimate.", "Below some point floating-point cancellation dominates and the estimate gets worse."))),
            new Question("graph-gates", "In backpropagation through a computational graph, which are true?", List.of(
                    yes("An add node passes its upstream gradient unchanged to both inputs.", "∂(a + b)/∂a = ∂(a + b)/∂b = 1."),
                    yes("A mul node gives each input the upstream gradient times the other input.", "∂(ab)/∂a = b: the 'swap'."),
                    yes("A max node routes the whole gradient to the larger input.", "The smaller input does not affect the output locally, so it gets 0."),
                    no("A variable used twice gets the average of its two gradients.", "Gradients of all uses are added (multivariable chain rule), not averaged."))),
            new Question("softmax", "Which statements about softmax are true?", List.of(
                    yes("Its outputs are positive and sum to 1.", "exp makes them positive; dividing by the sum normalises them."),
                    yes("Adding the same constant to every logit does not change the output.", "The factor e^c cancels between numerator and denominator; implementations subtract the max logit for stability."),
                    yes("It keeps the order of the logits.", "exp is increasing, so the largest logit gets the largest probability."),
                    no("Each output is an independent probability, so several can be close to 1.", "They compete: they sum to 1 (use sigmoids for independent labels)."))),
            new Question("underfitting", "Training and validation error are both high and close to each other. What is likely and what helps?", List.of(
                    yes("The model underfits (high bias).", "It cannot even fit the training data."),
                    yes("A larger model or more training may help.", "More capacity or more steps lower the training error first."),
                    no("Add more dropout.", "That further limits capacity; it is a remedy for overfitting."),
                    no("Collect a larger validation set.", "A bigger validation set measures the error more precisely but does not lower it."))),
            new Question("bptt", "Which statements about training recurrent networks are true?", List.of(
                    yes("Backpropagation through time unrolls the network over the sequence and backpropagates through the unrolled graph.", "Each time step becomes a layer of one deep network."),
                    yes("The same weights are used at every time step, so their gradients are summed over the steps.", "Weight sharing in time, as in convolutions over space."),
                    yes("Gradient clipping is a common remedy for exploding gradients.", "It rescales the gradient when its norm exceeds a threshold."),
                    no("Every time step has its own weight matrices.", "That would make the parameter count grow with the sequence length."))),
            new Question("embeddings", "Which statements about nn.Embedding(num_embeddings=10000, embedding_dim=300) are true?", List.of(
                    yes("It has 3,000,000 learnable parameters.", "A 10000 × 300 table."),
                    yes("It is equivalent to multiplying a one-hot vector by a weight matrix.", "The product selects one row, which is what the lookup does, far more cheaply."),
                    no("Its vectors are fixed and cannot be learned.", "They are ordinary parameters updated by backpropagation (unless frozen on purpose)."),
                    no("Its input is a vector of 300 floats.", "Its input is integer indices; its output has 300 values per index."))),
            new Question("losses", "Which pairings of task and loss are sensible in PyTorch?", List.of(
                    yes("Regression of a real number: nn.MSELoss.", "Mean squared error between prediction and target."),
                    yes("Binary classification from one logit: nn.BCEWithLogitsLoss.", "Sigmoid and binary cross-entropy in one numerically stable step."),
                    yes("10-class classification from 10 logits: nn.CrossEntropyLoss.", "Log-softmax plus negative log-likelihood."),
                    no("10-class classification: nn.MSELoss on the class index.", "Treating classes as numbers imposes a false order and distance between them."))),
            new Question("residual", "Which statements about residual connections y = F(x) + x are true?", List.of(
                    yes("F(x) and x must have the same shape, or x goes through a projection (e.g. a 1×1 convolution).", "Tensors are added element by element."),
                    yes("They make very deep networks (100+ layers) trainable.", "The gradient reaches early layers through the identity path."),
                    yes("A block can easily learn to be close to the identity.", "It only has to push F(x) towards 0."),
                    no("The identity path has its own learnable weights.", "The skip is a plain addition without parameters (unless a projection is needed)."))),
            new Question("gan-training", "Which difficulties are typical when training GANs?", List.of(
                    yes("Mode collapse: the generator produces only a few kinds of samples.", "It finds a few outputs that fool the discriminator and stops exploring."),
                    yes("A discriminator that wins too easily can leave the generator with weak gradients.", "With the original loss, a confident discriminator saturates and the generator learns little."),
                    yes("The losses do not show progress as clearly as in supervised learning.", "The two losses depend on each other; samples are often inspected instead."),
                    no("The generator needs paired (noise, image) training examples.", "There are no pairs: real images only train the discriminator."))));

    @Override
    public String id() {
        return "quiz";
    }

    @Override
    public String title() {
        return "Conceptual quiz (multiple answers)";
    }

    @Override
    public Exercise generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Question q = QUESTIONS.get(r.nextInt(QUESTIONS.size()));
        List<Option> options = new ArrayList<>(q.options());
        for (int i = options.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Option t = options.get(i);
            options.set(i, options.get(j));
            options.set(j, t);
        }
        ObjectNode given = Answers.object();
        given.put("id", q.id());
        ArrayNode list = given.putArray("options");
        ObjectNode answer = Answers.object();
        ArrayNode correct = answer.putArray("correct");
        List<String> solution = new ArrayList<>();
        StringBuilder question = new StringBuilder(q.text()).append(" (select every correct option)");
        for (int i = 0; i < options.size(); i++) {
            Option o = options.get(i);
            list.add(o.text());
            if (o.correct()) {
                correct.add(i);
            }
            question.append("\n  ").append(i).append(". ").append(o.text());
            solution.add(i + ". " + (o.correct() ? "True" : "False") + ": " + o.why());
        }
        solution.add("Correct options: " + correct);
        return new Exercise("quiz", question.toString(), given, answer, solution);
    }

    @Override
    public Grade check(Exercise exercise, String answerText) {
        TreeSet<Integer> expected = new TreeSet<>();
        exercise.answer().get("correct").forEach(n -> expected.add(n.asInt()));
        int options = exercise.given().get("options").size();
        TreeSet<Integer> got = new TreeSet<>();
        String t = answerText == null ? "" : answerText.strip();
        if (t.startsWith("{")) {
            JsonNode node;
            try {
                node = Answers.MAPPER.readTree(t);
            } catch (Exception e) {
                throw new PracticeException("quiz: the answer is not valid JSON");
            }
            JsonNode c = node.get("correct");
            if (c == null || !c.isArray()) {
                throw new PracticeException("quiz: the answer has no \"correct\" array of option indices");
            }
            for (JsonNode n : c) {
                if (!n.canConvertToExactIntegral()) {
                    throw new PracticeException("quiz: option " + n + " is not an index");
                }
                got.add(index(n.asInt(), options));
            }
        } else {
            String cleaned = t.replace('[', ' ').replace(']', ' ').strip();
            if (cleaned.isEmpty()) {
                throw new PracticeException("quiz: the answer is empty (give option indices such as 0,2)");
            }
            for (String part : cleaned.split("[,;\\s]+")) {
                try {
                    got.add(index(Integer.parseInt(part), options));
                } catch (NumberFormatException e) {
                    throw new PracticeException("quiz: '" + part + "' is not an option index (0 to " + (options - 1) + ")");
                }
            }
        }
        if (got.equals(expected)) {
            return new Grade(true, "Correct: options " + expected + ".");
        }
        TreeSet<Integer> missing = new TreeSet<>(expected);
        missing.removeAll(got);
        TreeSet<Integer> extra = new TreeSet<>(got);
        extra.removeAll(expected);
        return new Grade(false, "Not quite (all correct options are needed): " + missing.size() + " correct option"
                + (missing.size() == 1 ? "" : "s") + " missing, " + extra.size() + " wrong option"
                + (extra.size() == 1 ? "" : "s") + " selected.");
    }

    private static int index(int i, int options) {
        if (i < 0 || i >= options) {
            throw new PracticeException("quiz: option " + i + " does not exist (0 to " + (options - 1) + ")");
        }
        return i;
    }
}
