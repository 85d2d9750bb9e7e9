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
                    yes("The forget gate decides how much of the previous cell state is kept.", "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$."),
                    yes("The input gate scales how much of the new candidate is written into the cell.", "It multiplies the candidate $g_t$."),
                    yes("The additive cell-state path helps gradients flow over many time steps.", "With $f \\approx 1$ the gradient through $c$ passes almost unchanged, easing vanishing gradients."),
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
                    no("The generator needs paired (noise, image) training examples.", "There are no pairs: real images only train the discriminator."))),
            new Question("conv-output-size", "A 32×32 input goes through nn.Conv2d(3, 8, kernel_size=5, stride=1, padding=0). Which statements are true?", List.of(
                    yes("The output is 8 × 28 × 28.", "H_out = (32 + 2·0 − 5)/1 + 1 = 28 for height and width; the channel count is out_channels = 8."),
                    yes("The layer has 8·3·5·5 + 8 = 608 parameters.", "One 3×5×5 filter plus one bias per output channel."),
                    no("With padding=2 the output would be 8 × 30 × 30.", "padding=2 keeps the size: (32 + 4 − 5)/1 + 1 = 32."),
                    no("The parameter count depends on the 32×32 input size.", "Filters are shared over all positions; the image size does not enter the count."))),
            new Question("stride-effects", "What does increasing the stride of a convolution from 1 to 2 do?", List.of(
                    yes("It roughly halves the output's height and width.", "⌊(H + 2p − k)/2⌋ + 1 ≈ H/2."),
                    yes("It doubles the jump of every later layer's receptive field.", "The jump multiplies by the stride, so later kernels cover twice as many input pixels per step."),
                    no("It doubles the number of parameters.", "The filters are the same size; the stride only changes where they are applied."),
                    no("It makes the layer see a smaller receptive field.", "The receptive field of this layer is unchanged; those after it grow faster."))),
            new Question("receptive-field-growth", "Three 3×3 convolutions with stride 1 are stacked. Which statements are true?", List.of(
                    yes("The receptive field of the last layer is 7×7.", "Each 3×3 layer adds 2: 3, 5, 7."),
                    yes("They use fewer weights than a single 7×7 convolution with the same channels C.", "3·(3·3·C·C) = 27C² against 49C²."),
                    yes("They apply more non-linearities than one 7×7 layer.", "Each layer can be followed by its own activation."),
                    no("Their receptive field is 9×9.", "9×9 needs four 3×3 layers (3, 5, 7, 9)."))),
            new Question("dead-relu", "Which statements about 'dead' ReLU units are true?", List.of(
                    yes("A unit whose input is negative for every example gets zero gradient and stops learning.", "ReLU'(z) = 0 for z < 0, so no gradient reaches its weights."),
                    yes("A too large learning rate can push many units into this state.", "One big update can move a unit's bias far negative for all inputs."),
                    yes("LeakyReLU keeps a small gradient for negative inputs.", "Its slope α (e.g. 0.01) for z < 0 lets a unit recover."),
                    no("Dead units are revived by the next mini-batch automatically.", "If the input is negative for every example, no batch produces a gradient."))),
            new Question("lr-too-high", "The learning rate is far too high. What do you expect to see?", List.of(
                    yes("The training loss oscillates or increases instead of falling.", "Steps overshoot the minimum and can climb up the other side of the valley."),
                    yes("The loss can become NaN or infinite.", "Weights and activations grow without bound until they overflow."),
                    no("Slow but steady progress.", "That is the symptom of a learning rate that is too low."),
                    no("Lower training loss than with a moderate learning rate, after the same number of steps.", "Divergent or oscillating runs end worse, not better."))),
            new Question("lr-schedules", "Why are learning-rate schedules (step decay, cosine, warm-up) used?", List.of(
                    yes("Large steps early make fast progress; small steps later settle into a minimum.", "Decay trades speed for precision as training goes on."),
                    yes("Warm-up avoids huge, unstable updates at the very start, when statistics such as Adam's moments are poor.", "The rate rises linearly over the first steps."),
                    no("They remove the need to choose an initial learning rate.", "The schedule scales a base rate that still has to be chosen."),
                    no("They make every step cheaper to compute.", "The cost of a step does not depend on the learning rate."))),
            new Question("adam-details", "Which statements about Adam are true?", List.of(
                    yes("It keeps running averages of the gradient (m) and of its square (v).", "m gives momentum, v gives a per-parameter scale like RMSProp."),
                    yes("Bias correction divides m and v by 1 − βᵗ because both start at zero.", "Without it the first steps would be far too small."),
                    yes("AdamW applies weight decay to the weights directly instead of adding it to the gradient.", "Decoupled decay is not rescaled by the adaptive denominator."),
                    no("Adam needs no learning rate.", "It still has one (default 1e-3); the adaptive scaling acts on top of it."))),
            new Question("rmsprop-adagrad", "How do Adagrad and RMSProp differ?", List.of(
                    yes("Adagrad sums all squared gradients, so its effective step only shrinks.", "The accumulated sum never decreases."),
                    yes("RMSProp keeps a decaying average of squared gradients, so steps can grow again.", "Old gradients are forgotten with factor α (0.99 in PyTorch)."),
                    no("RMSProp uses momentum of the gradient itself by default.", "PyTorch's RMSprop has momentum 0 unless set."),
                    no("Both divide the step by the squared gradient (not its root).", "They divide by the square root of the accumulated squares, plus ε."))),
            new Question("batchnorm-eval", "What changes for batch normalisation between model.train() and model.eval()?", List.of(
                    yes("In training it normalises with the current batch's mean and variance.", "Statistics of the mini-batch are used and running averages updated."),
                    yes("In evaluation it uses the running averages collected during training.", "So a prediction does not depend on the other examples in the batch."),
                    no("In evaluation γ and β are reset to 1 and 0.", "The learned scale and shift are kept."),
                    no("Nothing changes; only dropout depends on the mode.", "Batch norm depends on the mode too, which is why eval() matters for inference."))),
            new Question("input-normalisation", "Why are inputs normalised (e.g. to zero mean and unit variance per feature)?", List.of(
                    yes("Features on very different scales make the loss surface elongated and gradient descent slow.", "One learning rate cannot suit directions of very different curvature."),
                    yes("The statistics must come from the training set and be reused for validation and test.", "Computing them on the test set leaks information."),
                    no("It changes which function the best network can represent.", "It is an affine change of input that the first layer could undo; it helps optimisation, not expressiveness."),
                    no("It is unnecessary with ReLU networks.", "Scale still matters for initialisation and optimisation."))),
            new Question("data-leakage", "Which of these are data leakage?", List.of(
                    yes("Choosing hyperparameters by their accuracy on the test set.", "The test set then no longer estimates performance on unseen data."),
                    yes("Normalising with mean and variance computed over train and test together.", "Test statistics flow into training."),
                    yes("Putting near-duplicate images of the same object into both train and test.", "The model is tested on what it has effectively seen."),
                    no("Shuffling the training set every epoch.", "Shuffling only changes the order of batches."))),
            new Question("k-fold", "Which statements about k-fold cross-validation are true?", List.of(
                    yes("Every example is used for validation exactly once.", "The data is split into k folds; each fold is the validation set once."),
                    yes("It gives a less noisy estimate than a single split on small datasets.", "The score is averaged over k models."),
                    no("It is the usual choice for large deep-learning datasets.", "Training k deep models is expensive; a fixed validation split is usual there."),
                    no("The test set is one of the k folds.", "The test set stays outside the whole procedure."))),
            new Question("bias-variance", "A model has high training error and high validation error. Which is most likely?", List.of(
                    yes("It underfits (high bias).", "It cannot even fit the training data."),
                    yes("A larger model or longer training may help.", "More capacity or optimisation reduces bias."),
                    no("It overfits (high variance).", "Overfitting shows low training error with high validation error."),
                    no("More dropout is the first thing to try.", "Regularisation reduces capacity further and makes underfitting worse."))),
            new Question("class-imbalance", "95 % of the examples belong to one class. Which statements are true?", List.of(
                    yes("A model that always predicts that class reaches 95 % accuracy.", "Accuracy hides the failure on the rare class."),
                    yes("Per-class recall or a confusion matrix tells more than accuracy.", "They show how the rare class is treated."),
                    yes("Weighting the loss or resampling can help the rare class.", "Both give its errors more influence on the gradient."),
                    no("Cross-entropy automatically balances the classes.", "Each example counts once, so the frequent class dominates."))),
            new Question("clip-gradients", "What does gradient clipping by norm do?", List.of(
                    yes("If the gradients' joint L2 norm exceeds a threshold, all are scaled down to that norm.", "The direction is kept; only the length is limited."),
                    yes("It protects against exploding gradients, e.g. in RNNs.", "A single huge step cannot throw the weights far away."),
                    no("It sets every gradient component above the threshold to zero.", "Norm clipping rescales; it does not zero components."),
                    no("It replaces the learning rate.", "It only bounds the size of a step; the learning rate still scales it."))),
            new Question("gru-vs-lstm", "Which statements about GRUs compared with LSTMs are true?", List.of(
                    yes("A GRU has 3 gate blocks, an LSTM 4, so a GRU layer has about 3/4 of the parameters.", "PyTorch counts 3·H·(I+H) (+ biases) for a GRU against 4·H·(I+H) for an LSTM."),
                    yes("A GRU has no separate cell state; its hidden state carries the memory.", "The update gate interpolates between the old and the new hidden state."),
                    no("GRUs cannot be trained with backpropagation through time.", "Both are trained the same way."),
                    no("LSTMs have no gates.", "LSTMs have input, forget and output gates."))),
            new Question("rnn-sharing", "An RNN processes a sequence of length T. Which statements are true?", List.of(
                    yes("The same weights are used at every time step.", "That is why the parameter count does not depend on T."),
                    yes("Gradients of the weights are sums of contributions from all time steps.", "Backpropagation through time adds up the gradient at each step the weight was used."),
                    no("It needs T times as many parameters as for one step.", "The weights are shared over time."),
                    no("It can only process sequences of one fixed length.", "The same cell is applied as many times as the sequence is long."))),
            new Question("vae", "Which statements about variational autoencoders are true?", List.of(
                    yes("The encoder outputs a mean and a variance of a distribution over the latent code.", "A VAE encodes to a distribution, not a single point."),
                    yes("The reparameterisation trick z = μ + σ·ε makes sampling differentiable.", "The randomness is moved into ε ~ N(0, I), independent of the parameters."),
                    yes("The loss adds a KL term that keeps the code distribution close to the prior.", "It regularises the latent space so that sampling from the prior gives sensible outputs."),
                    no("A VAE needs labels for every example.", "It is trained without labels, to reconstruct its input."))),
            new Question("autoencoder-bottleneck", "An autoencoder with a bottleneck smaller than its input is trained to reconstruct its inputs. Which statements are true?", List.of(
                    yes("The bottleneck forces it to learn a compressed representation.", "It cannot copy the input through a narrower layer."),
                    yes("A linear autoencoder with MSE loss learns the same subspace as PCA.", "The optimum spans the top principal components."),
                    no("It needs labelled data.", "The target is the input itself."),
                    no("Its reconstruction error on the training set is always zero.", "A bottleneck loses information unless the data lies exactly in a small subspace."))),
            new Question("transfer-freezing", "You fine-tune an ImageNet-pretrained CNN on a small dataset of 10 classes. Which are good practice?", List.of(
                    yes("Replace the last classifier layer with one of 10 outputs.", "The old head predicts the 1,000 ImageNet classes."),
                    yes("Freeze the early layers and train the last ones first.", "Early layers hold generic features; few parameters to train suit a small dataset."),
                    yes("Use a smaller learning rate for the pretrained layers than for the new head.", "The pretrained weights are already good and should move little."),
                    no("Re-initialise all weights randomly before training.", "That throws away what transfer learning is for."))),
            new Question("augmentation-choice", "Which augmentations suit handwritten digit recognition (MNIST)?", List.of(
                    yes("Small rotations of a few degrees.", "People write slightly tilted digits; the label is unchanged."),
                    yes("Small shifts of a pixel or two.", "Position in the frame does not change the digit."),
                    no("Horizontal flips.", "A flipped 2 or 7 is no longer a valid digit, and 6/9-like confusions appear."),
                    no("Rotations by 180°.", "They turn a 6 into a 9."))),
            new Question("softmax-temperature", "Logits z are divided by a temperature T before the softmax. Which statements are true?", List.of(
                    yes("T > 1 makes the distribution flatter.", "Differences between logits shrink."),
                    yes("T → 0 approaches a one-hot distribution on the largest logit.", "Differences are magnified."),
                    no("The argmax changes with T > 0.", "Dividing by a positive number keeps the order of the logits."),
                    no("The probabilities no longer sum to 1.", "The softmax always normalises."))),
            new Question("full-vs-minibatch", "Which statements about full-batch gradient descent compared with mini-batch SGD are true?", List.of(
                    yes("Full-batch steps follow the exact gradient of the training loss.", "It averages over every example."),
                    yes("Mini-batch gradients are noisy estimates, which can help escape sharp minima and saddle points.", "The noise acts as a form of exploration and regularisation."),
                    yes("Mini-batches allow many updates per pass over the data.", "One epoch gives N/B steps instead of one."),
                    no("Full-batch descent always generalises better.", "Not in practice; mini-batch training often generalises as well or better."))),
            new Question("weight-decay", "Which statements about L2 weight decay with SGD are true?", List.of(
                    yes("It adds λ·w to every gradient, pulling weights towards zero.", "The derivative of (λ/2)·‖w‖² is λ·w."),
                    yes("It reduces overfitting by preferring small weights.", "Smaller weights give smoother functions."),
                    no("It is usually applied to make training faster.", "Its purpose is regularisation, not speed."),
                    no("It has exactly the same effect with Adam as AdamW's decoupled decay.", "Adam rescales the λ·w term per parameter; AdamW decays the weights directly."))),
            new Question("cnn-translation", "Why do CNNs suit images?", List.of(
                    yes("Convolutions are equivariant to translation: a shifted input gives a shifted feature map.", "The same filter is applied everywhere."),
                    yes("Stacked layers build features from local to global: edges, parts, objects.", "The receptive field grows with depth."),
                    no("They need fewer training examples than any other model for every task.", "They are data-efficient for images thanks to their priors, not universally."),
                    no("They are invariant to rotations by construction.", "Rotation invariance has to be learned or added by augmentation."))),
            new Question("precision-recall", "A detector finds 40 of 50 defects and raises 10 false alarms. Which statements are true?", List.of(
                    yes("Recall is 40/50 = 0.8.", "Recall = TP / (TP + FN)."),
                    yes("Precision is 40/50 = 0.8.", "Precision = TP / (TP + FP) = 40 / (40 + 10)."),
                    no("Precision is 40/40 = 1 because all found defects are real.", "The 10 false alarms count against precision."),
                    no("Accuracy can be computed from these numbers alone.", "The true negatives are not given."))),
            new Question("embedding-layer", "Which statements about nn.Embedding(10000, 64) are true?", List.of(
                    yes("It has 10,000 · 64 = 640,000 parameters.", "One 64-dimensional vector per token id."),
                    yes("Looking up a token id is the same as multiplying its one-hot vector by the weight matrix.", "It selects one row of the matrix."),
                    no("Its output for a batch of shape (N, L) has shape (N, 64).", "Each of the L ids becomes a vector: (N, L, 64)."),
                    no("The vectors are fixed and cannot be trained.", "They are ordinary learnable parameters."))));

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
