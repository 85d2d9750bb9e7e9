package app.descent.network;

import app.descent.network.ImportResult.IgnoredLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads PyTorch code as it appears in exams and notebooks and builds the network it describes. The code is parsed,
 * never executed. Understood:
 * <ul>
 * <li>imports ({@code import torch}, {@code import torch.nn as nn}, {@code from torch import nn},
 * {@code import torchvision.models as models}, {@code from torchvision import models}, {@code from torch.nn import Linear});
 * other imports are accepted without effect</li>
 * <li>number assignments ({@code n_hidden = 2*n_input}) and arithmetic in arguments (+ - * / // % **, parentheses)</li>
 * <li>{@code nn.Sequential(...)} (nested, multi-line, trailing commas, comments, {@code OrderedDict} of named layers),
 * any layer of the {@link LayerType} catalog, fully qualified or not</li>
 * <li>torchvision constructors ({@code models.vgg16(pretrained=True)}, {@code weights=...} ignored, {@code num_classes=} used)</li>
 * <li>freezing: {@code for param in model.features[-6:].parameters(): param.requires_grad = False} (body on the same or
 * the next indented line), {@code model.parameters()}, {@code model.features.requires_grad_(False)}</li>
 * <li>replacement: {@code model.classifier[6] = nn.Linear(4096, 10)}, {@code model.fc = nn.Linear(512, 10)} (new layers trainable)</li>
 * <li>the input: {@code x = torch.randn(100, 10)} / rand / zeros / ones / empty / randint / full, sizes as arguments,
 * a tuple or {@code size=}; a tensor passed to the network ({@code net(x)}) wins over other tensors</li>
 * <li>no-ops on the network: {@code model.eval()}, {@code model = model.to(device)}</li>
 * </ul>
 * Anything else is returned as an {@link IgnoredLine}. Malformed code (unbalanced brackets, a syntax error on a line
 * that builds the network, an unknown nn layer, bad arguments) throws a {@link NetworkException} naming the line.
 * <p>Behind this front: {@link PyLexer} (tokens and logical lines), {@link PySyntax} (the expression tree),
 * {@link PyParser} (statement tokens into trees) and {@link PyInterpreter} with {@link PyEvaluator} (statements
 * and values).
 */
public final class PyTorchImporter {
    private PyTorchImporter() {
    }

    public static ImportResult importCode(String code) {
        return new PyInterpreter(new PyLexer(code).statements()).run();
    }

    public static ImportResult importFile(Path file) {
        try {
            return importCode(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NetworkException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new NetworkException("cannot read " + file + ": not UTF-8 text", e);
        }
    }
}
